/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Article__Status =
  | 'draft'
  | 'published';

export type Article__Status_Input =
  | 'draft'
  | 'published';

export type Article__Status_Operator = {
  all?: Array<Article__Status_Input | null | undefined> | null | undefined;
  equals?: Article__Status_Input | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<Article__Status_Input | null | undefined> | null | undefined;
  not_equals?: Article__Status_Input | null | undefined;
  not_in?: Array<Article__Status_Input | null | undefined> | null | undefined;
};

export type Article_Authors_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_Byline_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_CommentsEnabled_Operator = {
  equals?: boolean | null | undefined;
  exists?: boolean | null | undefined;
  not_equals?: boolean | null | undefined;
};

export type Article_CommentsOpen_Operator = {
  equals?: boolean | null | undefined;
  exists?: boolean | null | undefined;
  not_equals?: boolean | null | undefined;
};

export type Article_Content_Operator = {
  contains?: unknown;
  equals?: unknown;
  like?: unknown;
  not_equals?: unknown;
};

export type Article_CreatedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_Dateline_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_EditedBy_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_EditorialNotes__Author_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_EditorialNotes__CreatedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_EditorialNotes__Id_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_EditorialNotes__Kind_Input =
  | 'approval'
  | 'changes_requested'
  | 'note';

export type Article_EditorialNotes__Kind_Operator = {
  all?: Array<Article_EditorialNotes__Kind_Input | null | undefined> | null | undefined;
  equals?: Article_EditorialNotes__Kind_Input | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<Article_EditorialNotes__Kind_Input | null | undefined> | null | undefined;
  not_equals?: Article_EditorialNotes__Kind_Input | null | undefined;
  not_in?: Array<Article_EditorialNotes__Kind_Input | null | undefined> | null | undefined;
};

export type Article_EditorialNotes__Text_Operator = {
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_Excerpt_Operator = {
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_HeroImage_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_Id_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_ImportKey_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_Language =
  | 'de'
  | 'en';

export type Article_Language_Input =
  | 'de'
  | 'en';

export type Article_Language_Operator = {
  all?: Array<Article_Language_Input | null | undefined> | null | undefined;
  equals?: Article_Language_Input | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<Article_Language_Input | null | undefined> | null | undefined;
  not_equals?: Article_Language_Input | null | undefined;
  not_in?: Array<Article_Language_Input | null | undefined> | null | undefined;
};

export type Article_Meta__Description_Operator = {
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_Meta__Image_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_Meta__Title_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_OriginalPhoto_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_PublishDespiteChanges_Operator = {
  equals?: boolean | null | undefined;
  exists?: boolean | null | undefined;
  not_equals?: boolean | null | undefined;
};

export type Article_PublishedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_PublishedAt_Tz_Input =
  | 'Europe_Berlin';

export type Article_PublishedAt_Tz_Operator = {
  all?: Array<Article_PublishedAt_Tz_Input | null | undefined> | null | undefined;
  equals?: Article_PublishedAt_Tz_Input | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<Article_PublishedAt_Tz_Input | null | undefined> | null | undefined;
  not_equals?: Article_PublishedAt_Tz_Input | null | undefined;
  not_in?: Array<Article_PublishedAt_Tz_Input | null | undefined> | null | undefined;
};

export type Article_ReaderStatus_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_Slug_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_Sources_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_SubmittedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_SubmittedBy_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Article_Title_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Article_UpdatedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_Where = {
  AND?: Array<Article_Where_And | null | undefined> | null | undefined;
  OR?: Array<Article_Where_Or | null | undefined> | null | undefined;
  _status?: Article__Status_Operator | null | undefined;
  authors?: Article_Authors_Operator | null | undefined;
  byline?: Article_Byline_Operator | null | undefined;
  commentsEnabled?: Article_CommentsEnabled_Operator | null | undefined;
  commentsOpen?: Article_CommentsOpen_Operator | null | undefined;
  content?: Article_Content_Operator | null | undefined;
  createdAt?: Article_CreatedAt_Operator | null | undefined;
  dateline?: Article_Dateline_Operator | null | undefined;
  editedBy?: Article_EditedBy_Operator | null | undefined;
  editorialNotes__author?: Article_EditorialNotes__Author_Operator | null | undefined;
  editorialNotes__createdAt?: Article_EditorialNotes__CreatedAt_Operator | null | undefined;
  editorialNotes__id?: Article_EditorialNotes__Id_Operator | null | undefined;
  editorialNotes__kind?: Article_EditorialNotes__Kind_Operator | null | undefined;
  editorialNotes__text?: Article_EditorialNotes__Text_Operator | null | undefined;
  excerpt?: Article_Excerpt_Operator | null | undefined;
  heroImage?: Article_HeroImage_Operator | null | undefined;
  id?: Article_Id_Operator | null | undefined;
  importKey?: Article_ImportKey_Operator | null | undefined;
  language?: Article_Language_Operator | null | undefined;
  meta__description?: Article_Meta__Description_Operator | null | undefined;
  meta__image?: Article_Meta__Image_Operator | null | undefined;
  meta__title?: Article_Meta__Title_Operator | null | undefined;
  originalPhoto?: Article_OriginalPhoto_Operator | null | undefined;
  publishDespiteChanges?: Article_PublishDespiteChanges_Operator | null | undefined;
  publishedAt?: Article_PublishedAt_Operator | null | undefined;
  publishedAt_tz?: Article_PublishedAt_Tz_Operator | null | undefined;
  readerStatus?: Article_ReaderStatus_Operator | null | undefined;
  slug?: Article_Slug_Operator | null | undefined;
  sources?: Article_Sources_Operator | null | undefined;
  submittedAt?: Article_SubmittedAt_Operator | null | undefined;
  submittedBy?: Article_SubmittedBy_Operator | null | undefined;
  title?: Article_Title_Operator | null | undefined;
  updatedAt?: Article_UpdatedAt_Operator | null | undefined;
  workflowNote?: Article_WorkflowNote_Operator | null | undefined;
  workflowStatus?: Article_WorkflowStatus_Operator | null | undefined;
};

export type Article_Where_And = {
  AND?: Array<Article_Where_And | null | undefined> | null | undefined;
  OR?: Array<Article_Where_Or | null | undefined> | null | undefined;
  _status?: Article__Status_Operator | null | undefined;
  authors?: Article_Authors_Operator | null | undefined;
  byline?: Article_Byline_Operator | null | undefined;
  commentsEnabled?: Article_CommentsEnabled_Operator | null | undefined;
  commentsOpen?: Article_CommentsOpen_Operator | null | undefined;
  content?: Article_Content_Operator | null | undefined;
  createdAt?: Article_CreatedAt_Operator | null | undefined;
  dateline?: Article_Dateline_Operator | null | undefined;
  editedBy?: Article_EditedBy_Operator | null | undefined;
  editorialNotes__author?: Article_EditorialNotes__Author_Operator | null | undefined;
  editorialNotes__createdAt?: Article_EditorialNotes__CreatedAt_Operator | null | undefined;
  editorialNotes__id?: Article_EditorialNotes__Id_Operator | null | undefined;
  editorialNotes__kind?: Article_EditorialNotes__Kind_Operator | null | undefined;
  editorialNotes__text?: Article_EditorialNotes__Text_Operator | null | undefined;
  excerpt?: Article_Excerpt_Operator | null | undefined;
  heroImage?: Article_HeroImage_Operator | null | undefined;
  id?: Article_Id_Operator | null | undefined;
  importKey?: Article_ImportKey_Operator | null | undefined;
  language?: Article_Language_Operator | null | undefined;
  meta__description?: Article_Meta__Description_Operator | null | undefined;
  meta__image?: Article_Meta__Image_Operator | null | undefined;
  meta__title?: Article_Meta__Title_Operator | null | undefined;
  originalPhoto?: Article_OriginalPhoto_Operator | null | undefined;
  publishDespiteChanges?: Article_PublishDespiteChanges_Operator | null | undefined;
  publishedAt?: Article_PublishedAt_Operator | null | undefined;
  publishedAt_tz?: Article_PublishedAt_Tz_Operator | null | undefined;
  readerStatus?: Article_ReaderStatus_Operator | null | undefined;
  slug?: Article_Slug_Operator | null | undefined;
  sources?: Article_Sources_Operator | null | undefined;
  submittedAt?: Article_SubmittedAt_Operator | null | undefined;
  submittedBy?: Article_SubmittedBy_Operator | null | undefined;
  title?: Article_Title_Operator | null | undefined;
  updatedAt?: Article_UpdatedAt_Operator | null | undefined;
  workflowNote?: Article_WorkflowNote_Operator | null | undefined;
  workflowStatus?: Article_WorkflowStatus_Operator | null | undefined;
};

export type Article_Where_Or = {
  AND?: Array<Article_Where_And | null | undefined> | null | undefined;
  OR?: Array<Article_Where_Or | null | undefined> | null | undefined;
  _status?: Article__Status_Operator | null | undefined;
  authors?: Article_Authors_Operator | null | undefined;
  byline?: Article_Byline_Operator | null | undefined;
  commentsEnabled?: Article_CommentsEnabled_Operator | null | undefined;
  commentsOpen?: Article_CommentsOpen_Operator | null | undefined;
  content?: Article_Content_Operator | null | undefined;
  createdAt?: Article_CreatedAt_Operator | null | undefined;
  dateline?: Article_Dateline_Operator | null | undefined;
  editedBy?: Article_EditedBy_Operator | null | undefined;
  editorialNotes__author?: Article_EditorialNotes__Author_Operator | null | undefined;
  editorialNotes__createdAt?: Article_EditorialNotes__CreatedAt_Operator | null | undefined;
  editorialNotes__id?: Article_EditorialNotes__Id_Operator | null | undefined;
  editorialNotes__kind?: Article_EditorialNotes__Kind_Operator | null | undefined;
  editorialNotes__text?: Article_EditorialNotes__Text_Operator | null | undefined;
  excerpt?: Article_Excerpt_Operator | null | undefined;
  heroImage?: Article_HeroImage_Operator | null | undefined;
  id?: Article_Id_Operator | null | undefined;
  importKey?: Article_ImportKey_Operator | null | undefined;
  language?: Article_Language_Operator | null | undefined;
  meta__description?: Article_Meta__Description_Operator | null | undefined;
  meta__image?: Article_Meta__Image_Operator | null | undefined;
  meta__title?: Article_Meta__Title_Operator | null | undefined;
  originalPhoto?: Article_OriginalPhoto_Operator | null | undefined;
  publishDespiteChanges?: Article_PublishDespiteChanges_Operator | null | undefined;
  publishedAt?: Article_PublishedAt_Operator | null | undefined;
  publishedAt_tz?: Article_PublishedAt_Tz_Operator | null | undefined;
  readerStatus?: Article_ReaderStatus_Operator | null | undefined;
  slug?: Article_Slug_Operator | null | undefined;
  sources?: Article_Sources_Operator | null | undefined;
  submittedAt?: Article_SubmittedAt_Operator | null | undefined;
  submittedBy?: Article_SubmittedBy_Operator | null | undefined;
  title?: Article_Title_Operator | null | undefined;
  updatedAt?: Article_UpdatedAt_Operator | null | undefined;
  workflowNote?: Article_WorkflowNote_Operator | null | undefined;
  workflowStatus?: Article_WorkflowStatus_Operator | null | undefined;
};

export type Article_WorkflowNote_Operator = {
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Article_WorkflowStatus_Input =
  | 'approved'
  | 'changes_requested'
  | 'draft'
  | 'in_review'
  | 'published';

export type Article_WorkflowStatus_Operator = {
  all?: Array<Article_WorkflowStatus_Input | null | undefined> | null | undefined;
  equals?: Article_WorkflowStatus_Input | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<Article_WorkflowStatus_Input | null | undefined> | null | undefined;
  not_equals?: Article_WorkflowStatus_Input | null | undefined;
  not_in?: Array<Article_WorkflowStatus_Input | null | undefined> | null | undefined;
};

export type Comment_Article_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Comment_AuthorEmail_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_AuthorName_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_Body_Operator = {
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Comment_ByStaff_Operator = {
  equals?: boolean | null | undefined;
  exists?: boolean | null | undefined;
  not_equals?: boolean | null | undefined;
};

export type Comment_CreatedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Comment_FormToken_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_Id_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_IpHash_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_Level_Operator = {
  equals?: number | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: number | null | undefined;
  greater_than_equal?: number | null | undefined;
  less_than?: number | null | undefined;
  less_than_equal?: number | null | undefined;
  not_equals?: number | null | undefined;
};

export type Comment_Parent_Operator = {
  all?: Array<unknown> | null | undefined;
  equals?: unknown;
  exists?: boolean | null | undefined;
  in?: Array<unknown> | null | undefined;
  not_equals?: unknown;
  not_in?: Array<unknown> | null | undefined;
};

export type Comment_Signals_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_Status =
  | 'approved'
  | 'pending'
  | 'rejected'
  | 'spam';

export type Comment_Status_Input =
  | 'approved'
  | 'pending'
  | 'rejected'
  | 'spam';

export type Comment_Status_MutationInput =
  | 'approved'
  | 'pending'
  | 'rejected'
  | 'spam';

export type Comment_Status_Operator = {
  all?: Array<Comment_Status_Input | null | undefined> | null | undefined;
  equals?: Comment_Status_Input | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<Comment_Status_Input | null | undefined> | null | undefined;
  not_equals?: Comment_Status_Input | null | undefined;
  not_in?: Array<Comment_Status_Input | null | undefined> | null | undefined;
};

export type Comment_UpdatedAt_Operator = {
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  greater_than?: string | null | undefined;
  greater_than_equal?: string | null | undefined;
  less_than?: string | null | undefined;
  less_than_equal?: string | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
};

export type Comment_Website_Operator = {
  all?: Array<string | null | undefined> | null | undefined;
  contains?: string | null | undefined;
  equals?: string | null | undefined;
  exists?: boolean | null | undefined;
  in?: Array<string | null | undefined> | null | undefined;
  like?: string | null | undefined;
  not_equals?: string | null | undefined;
  not_in?: Array<string | null | undefined> | null | undefined;
};

export type Comment_Where = {
  AND?: Array<Comment_Where_And | null | undefined> | null | undefined;
  OR?: Array<Comment_Where_Or | null | undefined> | null | undefined;
  article?: Comment_Article_Operator | null | undefined;
  authorEmail?: Comment_AuthorEmail_Operator | null | undefined;
  authorName?: Comment_AuthorName_Operator | null | undefined;
  body?: Comment_Body_Operator | null | undefined;
  byStaff?: Comment_ByStaff_Operator | null | undefined;
  createdAt?: Comment_CreatedAt_Operator | null | undefined;
  formToken?: Comment_FormToken_Operator | null | undefined;
  id?: Comment_Id_Operator | null | undefined;
  ipHash?: Comment_IpHash_Operator | null | undefined;
  level?: Comment_Level_Operator | null | undefined;
  parent?: Comment_Parent_Operator | null | undefined;
  signals?: Comment_Signals_Operator | null | undefined;
  status?: Comment_Status_Operator | null | undefined;
  updatedAt?: Comment_UpdatedAt_Operator | null | undefined;
  website?: Comment_Website_Operator | null | undefined;
};

export type Comment_Where_And = {
  AND?: Array<Comment_Where_And | null | undefined> | null | undefined;
  OR?: Array<Comment_Where_Or | null | undefined> | null | undefined;
  article?: Comment_Article_Operator | null | undefined;
  authorEmail?: Comment_AuthorEmail_Operator | null | undefined;
  authorName?: Comment_AuthorName_Operator | null | undefined;
  body?: Comment_Body_Operator | null | undefined;
  byStaff?: Comment_ByStaff_Operator | null | undefined;
  createdAt?: Comment_CreatedAt_Operator | null | undefined;
  formToken?: Comment_FormToken_Operator | null | undefined;
  id?: Comment_Id_Operator | null | undefined;
  ipHash?: Comment_IpHash_Operator | null | undefined;
  level?: Comment_Level_Operator | null | undefined;
  parent?: Comment_Parent_Operator | null | undefined;
  signals?: Comment_Signals_Operator | null | undefined;
  status?: Comment_Status_Operator | null | undefined;
  updatedAt?: Comment_UpdatedAt_Operator | null | undefined;
  website?: Comment_Website_Operator | null | undefined;
};

export type Comment_Where_Or = {
  AND?: Array<Comment_Where_And | null | undefined> | null | undefined;
  OR?: Array<Comment_Where_Or | null | undefined> | null | undefined;
  article?: Comment_Article_Operator | null | undefined;
  authorEmail?: Comment_AuthorEmail_Operator | null | undefined;
  authorName?: Comment_AuthorName_Operator | null | undefined;
  body?: Comment_Body_Operator | null | undefined;
  byStaff?: Comment_ByStaff_Operator | null | undefined;
  createdAt?: Comment_CreatedAt_Operator | null | undefined;
  formToken?: Comment_FormToken_Operator | null | undefined;
  id?: Comment_Id_Operator | null | undefined;
  ipHash?: Comment_IpHash_Operator | null | undefined;
  level?: Comment_Level_Operator | null | undefined;
  parent?: Comment_Parent_Operator | null | undefined;
  signals?: Comment_Signals_Operator | null | undefined;
  status?: Comment_Status_Operator | null | undefined;
  updatedAt?: Comment_UpdatedAt_Operator | null | undefined;
  website?: Comment_Website_Operator | null | undefined;
};

export type Image_Credit_License =
  | 'all_rights_reserved'
  | 'cc0'
  | 'cc_by_2_0'
  | 'cc_by_3_0'
  | 'cc_by_4_0'
  | 'cc_by_nc_4_0'
  | 'cc_by_nc_nd_4_0'
  | 'cc_by_nc_sa_4_0'
  | 'cc_by_nd_4_0'
  | 'cc_by_sa_2_0'
  | 'cc_by_sa_3_0'
  | 'cc_by_sa_4_0'
  | 'pixabay'
  | 'public_domain'
  | 'unsplash';

export type Source_Kind =
  | 'agency'
  | 'broadcaster'
  | 'newspaper'
  | 'other'
  | 'website';

export type MutationCommentInput = {
  article?: string | null | undefined;
  authorEmail?: string | null | undefined;
  authorName: string;
  body: string;
  byStaff?: boolean | null | undefined;
  createdAt?: string | null | undefined;
  formToken?: string | null | undefined;
  ipHash?: string | null | undefined;
  level?: number | null | undefined;
  parent?: string | null | undefined;
  signals?: string | null | undefined;
  status?: Comment_Status_MutationInput | null | undefined;
  updatedAt?: string | null | undefined;
  website?: string | null | undefined;
};

export type CardImageFragment = { id: string, alt: string, url: string | null, width: number | null, height: number | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null } | null };

export type HeroImageFragment = { id: string, alt: string, caption: string | null, creditLine: string | null, url: string | null, width: number | null, height: number | null, credit: { author: string | null, license: Image_Credit_License | null, provider: string | null, sourceUrl: string | null } | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, og: { url: string | null, width: number | null, height: number | null } | null } | null };

export type ShareImageFragment = { id: string, alt: string, url: string | null, width: number | null, height: number | null, sizes: { og: { url: string | null, width: number | null, height: number | null } | null } | null };

export type ArticleCardFragment = { id: string, slug: string | null, title: string | null, excerpt: string | null, dateline: string | null, publishedAt: string | null, heroImage: { id: string, alt: string, url: string | null, width: number | null, height: number | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null } | null } | null };

export type ArticleLinkFragment = { id: string, slug: string | null, title: string | null, publishedAt: string | null };

export type ArticleListQueryVariables = Exact<{
  where: Article_Where;
  limit: number;
  page: number;
}>;


export type ArticleListQuery = { Articles: { page: number, totalPages: number, totalDocs: number, hasPrevPage: boolean, hasNextPage: boolean, docs: Array<{ id: string, slug: string | null, title: string | null, excerpt: string | null, dateline: string | null, publishedAt: string | null, heroImage: { id: string, alt: string, url: string | null, width: number | null, height: number | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null } | null } | null }> } | null };

export type ArticleQueryVariables = Exact<{
  where: Article_Where;
  draft?: boolean | null | undefined;
}>;


export type ArticleQuery = { Articles: { docs: Array<{ id: string, slug: string | null, title: string | null, dateline: string | null, excerpt: string | null, language: Article_Language | null, publishedAt: string | null, byline: Array<string> | null, updatedAt: string | null, _status: Article__Status | null, commentsOpen: boolean | null, content: unknown, heroImage: { id: string, alt: string, caption: string | null, creditLine: string | null, url: string | null, width: number | null, height: number | null, credit: { author: string | null, license: Image_Credit_License | null, provider: string | null, sourceUrl: string | null } | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, og: { url: string | null, width: number | null, height: number | null } | null } | null } | null, meta: { title: string | null, description: string | null, image: { id: string, alt: string, url: string | null, width: number | null, height: number | null, sizes: { og: { url: string | null, width: number | null, height: number | null } | null } | null } | null } | null, sources: Array<{ id: string, name: string, slug: string | null, url: string | null }> | null }> } | null };

export type AdjacentArticlesQueryVariables = Exact<{
  older: Article_Where;
  newer: Article_Where;
  same: Article_Where;
}>;


export type AdjacentArticlesQuery = { older: { docs: Array<{ id: string, slug: string | null, title: string | null, publishedAt: string | null }> } | null, newer: { docs: Array<{ id: string, slug: string | null, title: string | null, publishedAt: string | null }> } | null, same: { docs: Array<{ id: string, slug: string | null, title: string | null, publishedAt: string | null }> } | null };

export type ArticleCommentsQueryVariables = Exact<{
  where: Comment_Where;
  limit: number;
}>;


export type ArticleCommentsQuery = { Comments: { totalDocs: number, docs: Array<{ id: string, authorName: string, body: string, byStaff: boolean | null, level: number | null, createdAt: string | null, parent: { id: string } | null }> } | null };

export type CreateCommentMutationVariables = Exact<{
  data: MutationCommentInput;
}>;


export type CreateCommentMutation = { createComment: { id: string, status: Comment_Status | null } | null };

export type SourceQueryVariables = Exact<{
  slug: string;
}>;


export type SourceQuery = { Sources: { docs: Array<{ id: string, name: string, slug: string | null, url: string | null, kind: Source_Kind | null }> } | null };

export type SitemapQueryVariables = Exact<{
  where: Article_Where;
  limit: number;
}>;


export type SitemapQuery = { Articles: { docs: Array<{ slug: string | null, publishedAt: string | null, updatedAt: string | null }> } | null, Sources: { docs: Array<{ slug: string | null, updatedAt: string | null }> } | null };

export type FeedQueryVariables = Exact<{
  where: Article_Where;
  limit: number;
}>;


export type FeedQuery = { Articles: { docs: Array<{ id: string, slug: string | null, title: string | null, excerpt: string | null, dateline: string | null, publishedAt: string | null, updatedAt: string | null, sources: Array<{ name: string }> | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const HeroImageFragmentDoc = new TypedDocumentString(`
    fragment HeroImage on Image {
  id
  alt
  caption
  creditLine
  credit {
    author
    license
    provider
    sourceUrl
  }
  url
  width
  height
  sizes {
    thumbnail {
      url
      width
      height
    }
    card {
      url
      width
      height
    }
    hero {
      url
      width
      height
    }
    og {
      url
      width
      height
    }
  }
}
    `, {"fragmentName":"HeroImage"}) as unknown as TypedDocumentString<HeroImageFragment, unknown>;
export const ShareImageFragmentDoc = new TypedDocumentString(`
    fragment ShareImage on Image {
  id
  alt
  url
  width
  height
  sizes {
    og {
      url
      width
      height
    }
  }
}
    `, {"fragmentName":"ShareImage"}) as unknown as TypedDocumentString<ShareImageFragment, unknown>;
export const CardImageFragmentDoc = new TypedDocumentString(`
    fragment CardImage on Image {
  id
  alt
  url
  width
  height
  sizes {
    thumbnail {
      url
      width
      height
    }
    card {
      url
      width
      height
    }
  }
}
    `, {"fragmentName":"CardImage"}) as unknown as TypedDocumentString<CardImageFragment, unknown>;
export const ArticleCardFragmentDoc = new TypedDocumentString(`
    fragment ArticleCard on Article {
  id
  slug
  title
  excerpt
  dateline
  publishedAt
  heroImage {
    ...CardImage
  }
}
    fragment CardImage on Image {
  id
  alt
  url
  width
  height
  sizes {
    thumbnail {
      url
      width
      height
    }
    card {
      url
      width
      height
    }
  }
}`, {"fragmentName":"ArticleCard"}) as unknown as TypedDocumentString<ArticleCardFragment, unknown>;
export const ArticleLinkFragmentDoc = new TypedDocumentString(`
    fragment ArticleLink on Article {
  id
  slug
  title
  publishedAt
}
    `, {"fragmentName":"ArticleLink"}) as unknown as TypedDocumentString<ArticleLinkFragment, unknown>;
export const ArticleListDocument = new TypedDocumentString(`
    query ArticleList($where: Article_where!, $limit: Int!, $page: Int!) {
  Articles(where: $where, limit: $limit, page: $page, sort: "-publishedAt,-id") {
    docs {
      ...ArticleCard
    }
    page
    totalPages
    totalDocs
    hasPrevPage
    hasNextPage
  }
}
    fragment CardImage on Image {
  id
  alt
  url
  width
  height
  sizes {
    thumbnail {
      url
      width
      height
    }
    card {
      url
      width
      height
    }
  }
}
fragment ArticleCard on Article {
  id
  slug
  title
  excerpt
  dateline
  publishedAt
  heroImage {
    ...CardImage
  }
}`) as unknown as TypedDocumentString<ArticleListQuery, ArticleListQueryVariables>;
export const ArticleDocument = new TypedDocumentString(`
    query Article($where: Article_where!, $draft: Boolean) {
  Articles(where: $where, draft: $draft, limit: 1) {
    docs {
      id
      slug
      title
      dateline
      excerpt
      language
      publishedAt
      byline
      updatedAt
      _status
      commentsOpen
      content(depth: 1)
      heroImage {
        ...HeroImage
      }
      meta {
        title
        description
        image {
          ...ShareImage
        }
      }
      sources {
        id
        name
        slug
        url
      }
    }
  }
}
    fragment HeroImage on Image {
  id
  alt
  caption
  creditLine
  credit {
    author
    license
    provider
    sourceUrl
  }
  url
  width
  height
  sizes {
    thumbnail {
      url
      width
      height
    }
    card {
      url
      width
      height
    }
    hero {
      url
      width
      height
    }
    og {
      url
      width
      height
    }
  }
}
fragment ShareImage on Image {
  id
  alt
  url
  width
  height
  sizes {
    og {
      url
      width
      height
    }
  }
}`) as unknown as TypedDocumentString<ArticleQuery, ArticleQueryVariables>;
export const AdjacentArticlesDocument = new TypedDocumentString(`
    query AdjacentArticles($older: Article_where!, $newer: Article_where!, $same: Article_where!) {
  older: Articles(where: $older, sort: "-publishedAt,-id", limit: 1) {
    docs {
      ...ArticleLink
    }
  }
  newer: Articles(where: $newer, sort: "publishedAt,id", limit: 1) {
    docs {
      ...ArticleLink
    }
  }
  same: Articles(where: $same, sort: "-id", limit: 100) {
    docs {
      ...ArticleLink
    }
  }
}
    fragment ArticleLink on Article {
  id
  slug
  title
  publishedAt
}`) as unknown as TypedDocumentString<AdjacentArticlesQuery, AdjacentArticlesQueryVariables>;
export const ArticleCommentsDocument = new TypedDocumentString(`
    query ArticleComments($where: Comment_where!, $limit: Int!) {
  Comments(where: $where, sort: "createdAt", limit: $limit) {
    docs {
      id
      authorName
      body
      byStaff
      level
      createdAt
      parent {
        id
      }
    }
    totalDocs
  }
}
    `) as unknown as TypedDocumentString<ArticleCommentsQuery, ArticleCommentsQueryVariables>;
export const CreateCommentDocument = new TypedDocumentString(`
    mutation CreateComment($data: mutationCommentInput!) {
  createComment(data: $data) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreateCommentMutation, CreateCommentMutationVariables>;
export const SourceDocument = new TypedDocumentString(`
    query Source($slug: String!) {
  Sources(where: {slug: {equals: $slug}}, limit: 1) {
    docs {
      id
      name
      slug
      url
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<SourceQuery, SourceQueryVariables>;
export const SitemapDocument = new TypedDocumentString(`
    query Sitemap($where: Article_where!, $limit: Int!) {
  Articles(where: $where, sort: "-publishedAt,-id", limit: $limit) {
    docs {
      slug
      publishedAt
      updatedAt
    }
  }
  Sources(sort: "name", limit: $limit) {
    docs {
      slug
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<SitemapQuery, SitemapQueryVariables>;
export const FeedDocument = new TypedDocumentString(`
    query Feed($where: Article_where!, $limit: Int!) {
  Articles(where: $where, sort: "-publishedAt,-id", limit: $limit) {
    docs {
      id
      slug
      title
      excerpt
      dateline
      publishedAt
      updatedAt
      sources {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeedQuery, FeedQueryVariables>;