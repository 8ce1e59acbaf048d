using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>The PDF options of <c>build</c>: --no-pdf, --require-pdf, --pdf-engine-dir; --chromium and --pdf-engine are gone with the browser print.</summary>
[Collection(nameof(ConsoleCollection))]
public class BuildPdfOptionsTests
{
    [Fact]
    public void Build_accepts_the_pdf_options()
    {
        var parse = Commands.Root().Parse(["build", "--no-pdf", "--require-pdf", "--pdf-engine-dir", "pdf-engine"]);
        Assert.Empty(parse.Errors);
    }

    [Theory]
    [InlineData("--chromium", "/usr/bin/chromium")]
    [InlineData("--pdf-engine", "chromium")]
    public void The_browser_print_options_are_no_longer_accepted(string option, string value)
    {
        var parse = Commands.Root().Parse(["build", option, value]);
        Assert.Contains(parse.Errors, e => e.Message.Contains(option, StringComparison.Ordinal));
    }

    [Fact]
    public void Require_pdf_with_a_missing_engine_fails_with_exit_code_1_and_says_how_to_install_it()
    {
        var output = Path.Combine(Repo.TempDir("cli-require-pdf"), "site");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var code = Commands.Root().Parse(["build", "--content", Repo.Content, "--templates", Repo.Templates, "--output", output, "--require-pdf", "--pdf-engine-dir", "/nonexistent/pdf-engine", "--lang", "en"]).Invoke();
            Assert.Equal(Commands.ContentErrors, code);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("error PD0801: PDFs skipped: --pdf-engine-dir /nonexistent/pdf-engine: no installed engine there; to get them, run npm ci --prefix pdf-engine", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
