// The latency floor: a bare Socket.IO server that relays one client's message to a room, nothing else.
// Runs as its own process, like the hub, so both are measured the same way.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http);
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on('call', (payload: unknown, ack: () => void) => {
    io.to('displays').emit('call', payload);
    ack();
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
