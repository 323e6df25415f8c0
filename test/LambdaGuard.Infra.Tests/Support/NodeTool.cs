using System.Diagnostics;
using System.Text;
using LambdaGuard.Testing;

namespace LambdaGuard.Infra.Tests.Support;

/// <summary>Runs node tooling (cdk CLI, the nag checker) from the repository root, offline, with fake credentials.</summary>
public static class NodeTool
{
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The outer `dotnet test` leaves MSBuild variables behind that would confuse the nested `dotnet run`.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
            k.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDLAMBDAGUARDTEST";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "lambdaguard-test-secret";
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        start.Environment["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ToolResult(-1, $"{fileName} did not finish within {timeout}{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, output.ToString());

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }

    public static ToolResult CheckNag(IEnumerable<string> templates, string? acknowledgements = null)
    {
        var arguments = new List<string> { RepositoryPaths.InRepo("infra", "nag", "check-nag.mjs") };
        if (acknowledgements is not null)
        {
            arguments.AddRange(["--acknowledgements", acknowledgements]);
        }

        arguments.AddRange(templates);
        return Run("node", arguments, TimeSpan.FromMinutes(3));
    }
}
