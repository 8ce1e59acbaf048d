using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>The PDF options of <c>build</c>: --no-pdf, --require-pdf, --chromium.</summary>
[Collection(nameof(ConsoleCollection))]
public class BuildPdfOptionsTests
{
    [Fact]
    public void Build_accepts_the_pdf_options()
    {
        var parse = Commands.Root().Parse(["build", "--no-pdf", "--require-pdf", "--chromium", "/usr/bin/chromium"]);
        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void Require_pdf_with_a_missing_chromium_fails_with_exit_code_1_and_says_how_to_install_it()
    {
        var output = Path.Combine(Repo.TempDir("cli-require-pdf"), "site");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var code = Commands.Root().Parse(["build", "--content", Repo.Content, "--templates", Repo.Templates, "--output", output, "--require-pdf", "--pdf-engine", "chromium", "--chromium", "/nonexistent/chromium", "--lang", "en"]).Invoke();
            Assert.Equal(Commands.ContentErrors, code);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("error PD0801: PDFs skipped: --chromium /nonexistent/chromium: no such file; to print them, apt-get install chromium", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
