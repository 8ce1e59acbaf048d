using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Scoring;

namespace PerfDisclosure.Core.Tests.Schemas;

/// <summary>A theme file spells an enumeration in lower-case words joined by '-'; the closed list is the enumeration itself.</summary>
public class EnumNamesTests
{
    [Fact]
    public void The_lists_are_the_enumerations_spelled_as_files_write_them()
    {
        Assert.Equal(["target", "self-evaluation"], EnumNames.Of<FormKind>());
        Assert.Equal(["half-up", "truncate", "half-even"], EnumNames.Of<RoundingMode>());
        Assert.Contains("organisation", EnumNames.Of<FieldType>());
    }

    [Theory]
    [InlineData("self-evaluation", true)]
    [InlineData("target", true)]
    [InlineData("self-evalution", false)]
    [InlineData("SelfEvaluation", false)]
    [InlineData("Target", false)]
    [InlineData(null, false)]
    public void Only_the_exact_spelling_parses(string? text, bool parses) =>
        Assert.Equal(parses, EnumNames.TryParse<FormKind>(text, out _));

    [Fact]
    public void Every_closed_list_of_the_layout_shape_comes_from_its_enumeration()
    {
        var kind = Assert.IsType<TextShape>(LayoutFile.Schema.Root.Find("kind")!.Shape);
        Assert.Equal(EnumNames.Of<FormKind>(), kind.Values);
        var field = Assert.IsType<ObjectShape>(LayoutFile.Schema.Resolve(new RefShape("field")));
        Assert.Equal(EnumNames.Of<FieldType>(), Assert.IsType<TextShape>(field.Find("type")!.Shape).Values);
    }
}
