export default function HomePage() {
  return <h1>Newsroom</h1>
}
