// Starts dynalite (in-memory DynamoDB) on 127.0.0.1 with an OS-assigned port and prints the port as the
// first stdout line. Tables are ACTIVE at once (createTableMs 0). Exits when stdin closes, so a test
// process that dies without cleaning up does not leave it running.
import dynalite from "dynalite";

// An optional PORT argument fixes the port and keeps the emulator running until interrupted (local rehearsals).
const fixedPort = process.argv[2] ? Number(process.argv[2]) : 0;
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.on("error", (error) => {
  console.error(`dynalite failed: ${error.message}`);
  process.exit(1);
});

server.listen(fixedPort, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});

if (!fixedPort) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("error", () => process.exit(0));
  process.stdin.resume();
}
