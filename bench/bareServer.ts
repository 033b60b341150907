/**
 * `tsx bench/bareServer.ts <body file> <port>`: a bare Node HTTP server that answers every
 * request with the file's bytes as JSON. The bench measures it like a workload (row B0): the
 * most the load generator can drive on this machine at this moment, so a run's other rows can
 * be read against the machine's speed during that run.
 */
import fs from 'node:fs'
import http from 'node:http'

const [file, port] = process.argv.slice(2)
const body = fs.readFileSync(file)

http
  .createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      response.end(body)
    })
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'))
