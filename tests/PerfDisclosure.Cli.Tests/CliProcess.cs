using System.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>The real command line as a separate process, optionally as an unprivileged user.</summary>
public static class CliProcess
{
    /// <summary>The uid and gid of "nobody", used when tests run as root (root ignores file permissions).</summary>
    public const int Nobody = 65534;

    public static bool IsRoot => Environment.UserName == "root";

    public static Process Start(IEnumerable<string> args, bool unprivileged = false)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "perfdisclosure.dll");
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (unprivileged && IsRoot)
        {
            start.FileName = "setpriv";
            foreach (var a in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = "dotnet";
        }

        start.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    public static (int Exit, string Out, string Error) Run(IEnumerable<string> args, bool unprivileged = false)
    {
        using var process = Start(args, unprivileged);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill();
            throw new TimeoutException("the CLI did not finish in 3 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A copy of content/ under <paramref name="root"/>, each form repeated <paramref name="copies"/> times under new slugs.</summary>
    public static string CopyContent(string root, int copies = 1)
    {
        var content = Path.Combine(root, "content");
        foreach (var path in Directory.EnumerateFiles(Repo.Content, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Content, path);
            var isForm = relative.StartsWith("forms", StringComparison.Ordinal);
            for (var i = 0; i < (isForm ? copies : 1); i++)
            {
                var target = Path.Combine(content, i == 0 ? relative : Path.ChangeExtension(relative, null) + $"-copy{i}.yaml");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(path, target);
            }
        }

        return content;
    }

    /// <summary>A site folder holding only a marker, to prove a failed build leaves it as it was.</summary>
    public static string OldSite(string output)
    {
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, Build.Publishing.OutputFolder.MarkerName), string.Empty); // a site the tool published
        File.WriteAllText(Path.Combine(output, "index.html"), "the previous site");
        return output;
    }

    public static void AssertOldSite(string output)
    {
        Assert.Equal([Build.Publishing.OutputFolder.MarkerName, "index.html"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("the previous site", File.ReadAllText(Path.Combine(output, "index.html")));
    }
}
