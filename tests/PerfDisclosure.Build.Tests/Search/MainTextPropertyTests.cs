using System.Text;
using CsCheck;
using PerfDisclosure.Build.Search;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// Generated markup for the search text: 100,000 main elements built from tags (with quoted, plain and odd
/// attributes), text, character references (known, unknown, unterminated), comments and stray markup characters.
/// The fast scanner, reading bytes, gives exactly what AngleSharp's tokenizer gives, or leaves the page to it.
/// </summary>
public class MainTextPropertyTests
{
    private const int Inputs = 100_000;

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf("<p>", "</p>", "<div>", "</div>", "<td>", "</td>", "<span>", "</span>", "<b>", "</b>", "<br>", "<br/>", "</br>", "<TD>", "<Div class=x>"),
        Gen.OneOf("<p class=\"a>b\">", "<p title='c\"d'>", "<img alt=\"图\" src=x.png>", "<span data-search-ignore>", "<div data-search-ignore=\"\">", "<input disabled/>", "<a href=/x/>", "<p id=a=b>", "<p class=\"x>"),
        Gen.OneOf("<script>var a = '<p>x</p>';</script>", "<style>p{}</style>", "<template><p>t</p></template>", "<noscript>n</noscript>", "<textarea>&lt;t</textarea>", "<title>t</title>"),
        Gen.OneOf("&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&hellip;", "&copy", "&copy;", "&bogus;", "&", "&;", "&#20013;", "&#x4e2d;", "&#0;", "&#x80;", "&#xD800;", "&#1114112;", "&#39;"),
        Gen.OneOf("<!-- c -->", "<!---->", "<!-->", "<!-- a --!> b -->", "<", ">", "</>", "<!DOCTYPE x>", "<?x?>", "< p>", "\0", "\r\n", "\t", "  "),
        Gen.String[Gen.OneOf(Gen.Char['\u4E00', '\u9FFF'], Gen.Char['a', 'z'], Gen.Const(' ')), 0, 8]);

    private static readonly Gen<string> Main = Piece.Array[0, 24].Select(pieces => "<main>" + string.Concat(pieces) + "</main>");

    [Fact]
    public void Reading_bytes_gives_what_the_tokenizer_gives_on_any_markup() =>
        Main.Sample(html =>
        {
            var bytes = Encoding.UTF8.GetBytes(html);
            Assert.Equal(MainText.Extract(html), MainText.Extract(bytes));
        }, iter: Inputs);

    [Fact]
    public void The_scanner_reads_much_of_the_generated_markup_itself_so_the_comparison_tests_it()
    {
        var (read, all) = (0, 0);
        Main.Sample(html =>
        {
            Interlocked.Increment(ref all);
            if (MainTextScanner.TryRead(Encoding.UTF8.GetBytes(html), new MainTextBuilder()))
            {
                Interlocked.Increment(ref read);
            }
        }, iter: 10_000);
        Assert.InRange(read, all / 10, all);
    }
}
