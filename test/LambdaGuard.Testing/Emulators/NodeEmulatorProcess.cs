using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LambdaGuard.Testing.Emulators;

/// <summary>A node script from test/emulators/ that listens on 127.0.0.1, an OS-assigned port, and prints the
/// port as its first stdout line. Disposing closes its stdin (the scripts exit on that) and kills the
/// process tree if it lingers.</summary>
public sealed class NodeEmulatorProcess : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder stderr;
    private int disposed;

    private NodeEmulatorProcess(Process process, StringBuilder stderr, int port)
    {
        this.process = process;
        this.stderr = stderr;
        Port = port;
    }

    public int Port { get; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <param name="script">File name under test/emulators/.</param>
    /// <param name="requiredPackage">The npm package the script needs, checked under the repo's node_modules.</param>
    public static async Task<NodeEmulatorProcess> StartAsync(string script, string requiredPackage)
    {
        var root = RepositoryPaths.Root;
        var scriptPath = Path.Combine(root, "test", "emulators", script);
        if (!File.Exists(scriptPath))
        {
            throw new FileNotFoundException($"Emulator script {scriptPath} is missing.", scriptPath);
        }

        if (!Directory.Exists(Path.Combine(root, "node_modules", requiredPackage)))
        {
            throw new InvalidOperationException(
                $"{requiredPackage} is not installed under {Path.Combine(root, "node_modules")}: run `npm ci` in {root} first.");
        }

        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("LAMBDAGUARD_NODE") ?? "node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(scriptPath);

        var stderr = new StringBuilder();
        var firstLine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => firstLine.TrySetResult(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => firstLine.TrySetResult(null);

        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start node for {script}.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not start `{startInfo.FileName}` for {script} ({e.Message}): install Node.js 20+ or set LAMBDAGUARD_NODE.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var line = await firstLine.Task.WaitAsync(StartupTimeout).ContinueWith(
            t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default).ConfigureAwait(false);
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            var emulator = new NodeEmulatorProcess(process, stderr, 0);
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"{script} did not report a port within {StartupTimeout.TotalSeconds:0} s (first line: '{line ?? "(none)"}'). stderr:\n{emulator.Stderr}");
        }

        return new NodeEmulatorProcess(process, stderr, port);
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
