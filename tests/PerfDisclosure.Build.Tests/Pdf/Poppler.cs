using System.Diagnostics;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>poppler-utils (pdftotext, pdfinfo, pdffonts): how a reader's tools see the PDFs.</summary>
public static class Poppler
{
    public static bool Installed => File.Exists("/usr/bin/pdftotext") && File.Exists("/usr/bin/pdffonts") && File.Exists("/usr/bin/pdfinfo");

    public static string Text(string pdf, int? page = null) =>
        Run("pdftotext", page is { } p ? ["-f", $"{p}", "-l", $"{p}", pdf, "-"] : [pdf, "-"]);

    /// <summary>
    /// The text of the tagged structure, element by element (<c>pdfinfo -struct-text</c>): the order a screen reader
    /// follows. pdftotext guesses the order from positions instead, and interleaves the lines of neighbouring cells that wrap.
    /// </summary>
    public static string StructureText(string pdf) =>
        string.Concat(Run("pdfinfo", ["-struct-text", pdf]).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 1 && l[0] == '"' && l[^1] == '"').Select(l => l[1..^1]));

    /// <summary>pdfinfo's fields, with the size of every page (<c>Page    3 size</c>).</summary>
    public static string Info(string pdf) => Run("pdfinfo", ["-l", "9999", pdf]);

    public static string Fonts(string pdf) => Run("pdffonts", [pdf]);

    internal static string Run(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 60 s");
        }

        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
    }
}
