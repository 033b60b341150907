import type { CollectionAfterChangeHook, PayloadRequest, Where } from 'payload'

import { workflowEvent, type WorkflowEvent, type WorkflowState } from '@/workflow/transitions'
import { relationId } from '@/lib/relationId'
import { serverUrl } from '@/lib/serverUrl'

type Recipient = { email: string; name?: string | null }

async function recipientsFor(
  req: PayloadRequest,
  event: WorkflowEvent,
  authorIds: unknown[],
): Promise<Recipient[]> {
  const where: Where =
    event === 'submitted'
      ? { role: { equals: 'editor' } }
      : { id: { in: authorIds.map(relationId).filter(Boolean) as string[] } }
  const { docs } = await req.payload.find({
    collection: 'users',
    req,
    where,
    limit: 200,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { email: true, name: true },
  })
  return docs as Recipient[]
}

function workflowEmail(
  event: WorkflowEvent,
  title: string,
  editUrl: string,
): { subject: string; text: string } {
  const subjects: Record<WorkflowEvent, string> = {
    submitted: `Zur Prüfung eingereicht: ${title}`,
    changes_requested: `Änderungen erbeten: ${title}`,
    approved: `Freigegeben: ${title}`,
    published: `Veröffentlicht: ${title}`,
  }
  const lines: Record<WorkflowEvent, string> = {
    submitted: 'Ein Artikel wartet auf Ihre Prüfung.',
    changes_requested:
      'Die Redaktion bittet um Änderungen an Ihrem Artikel. Die Notizen stehen im Artikel.',
    approved: 'Ihr Artikel wurde freigegeben.',
    published: 'Ihr Artikel ist jetzt veröffentlicht.',
  }
  return { subject: subjects[event], text: `${lines[event]}\n\n„${title}“\n${editUrl}\n` }
}

/**
 * Tells editors about submissions and authors about requested changes and publication.
 * Mail problems are logged and never undo the save.
 */
export const notifyWorkflow: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  if (context.seeding) return doc
  const event = workflowEvent(
    previousDoc?.workflowStatus as WorkflowState | undefined,
    doc.workflowStatus,
  )
  if (!event || event === 'approved') return doc
  const { payload } = req
  try {
    const recipients = await recipientsFor(req, event, doc.authors ?? [])
    const others = recipients.filter(
      (recipient) => recipient.email && recipient.email !== req.user?.email,
    )
    const { subject, text } = workflowEmail(
      event,
      doc.title,
      `${serverUrl()}/admin/collections/articles/${doc.id}`,
    )
    await Promise.all(
      others.map((recipient) => payload.sendEmail({ to: recipient.email, subject, text })),
    )
  } catch (error) {
    payload.logger.error({ err: error, msg: `Workflow email for article ${doc.id} failed` })
  }
  return doc
}
