using System.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>The tool installs with <c>dotnet tool install</c> from the package <c>dotnet pack</c> makes, and runs.</summary>
public class PackagingTests
{
    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_prints_its_version_and_help()
    {
        var work = Repo.TempDir("pack");
        var packages = Path.Combine(work, "packages");
        var tools = Path.Combine(work, "tools");
        Run("dotnet", $"pack \"{Path.Combine(Repo.Root, "src", "PerfDisclosure.Cli")}\" -c Release -o \"{packages}\" --nologo -v q", Repo.Root);
        Assert.Single(Directory.EnumerateFiles(packages, "PerfDisclosure.*.nupkg"));

        Run("dotnet", $"tool install PerfDisclosure --tool-path \"{tools}\" --add-source \"{packages}\" --ignore-failed-sources", work);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "perfdisclosure.exe" : "perfdisclosure");
        Assert.Matches(@"^0\.1\.0", Run(tool, "--version", work).Trim());
        var help = Run(tool, "--help", work);
        foreach (var verb in new[] { "build", "check", "new", "import", "serve", "schemas" })
        {
            Assert.Contains(verb, help);
            Assert.Contains("Examples:", Run(tool, $"{verb} --help", work));
        }
    }

    private static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {arguments} did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}:\n{output.Result}\n{errors.Result}");
        return output.Result;
    }
}
