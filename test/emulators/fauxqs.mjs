// Starts fauxqs (in-memory SNS + SQS) on 127.0.0.1 with an OS-assigned port and prints the port as the
// first stdout line. Uses buildApp().listen because the CLI and startFauxqs bind every interface.
// Exits when stdin closes, so a test process that dies without cleaning up does not leave it running.
import { buildApp } from "fauxqs";

// An optional PORT argument fixes the port and keeps the emulator running until interrupted (local rehearsals).
const fixedPort = process.argv[2] ? Number(process.argv[2]) : 0;
const app = buildApp({ logger: false });

try {
  const address = await app.listen({ port: fixedPort, host: "127.0.0.1" });
  process.stdout.write(`${new URL(address).port}\n`);
} catch (error) {
  console.error(`fauxqs failed: ${error.message}`);
  process.exit(1);
}

if (!fixedPort) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("error", () => process.exit(0));
  process.stdin.resume();
}
