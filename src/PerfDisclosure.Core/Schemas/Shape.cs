namespace PerfDisclosure.Core.Schemas;

/// <summary>
/// The declared shape of one node of a theme file (a layout, a framework, scoring rules): its type, the values it
/// allows and what it means. One description serves both the loader, which checks each file against it and reports
/// at the node, and the published JSON Schema editors complete from, so the two cannot drift.
/// </summary>
public abstract record Shape(string Description);

/// <summary>A text; with <paramref name="Values"/>, one of those only (a closed list); with <paramref name="Pattern"/>, matching it.</summary>
/// <param name="Pattern">A regular expression both .NET and ECMAScript read the same way.</param>
/// <param name="PatternHint">What the pattern asks for, in words, for the message of a text that does not match.</param>
public sealed record TextShape(string Description, IReadOnlyList<string>? Values = null, string? Pattern = null, string? PatternHint = null) : Shape(Description);

/// <summary>A number, or with <paramref name="Integer"/> a whole number.</summary>
public sealed record NumberShape(string Description, bool Integer = false) : Shape(Description);

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanShape(string Description) : Shape(Description);

/// <summary>A list whose items all have the shape <paramref name="Items"/>.</summary>
public sealed record ListShape(string Description, Shape Items) : Shape(Description);

/// <summary>A mapping with the keys listed and no others: a key not listed is a typo, reported with the closest listed one.</summary>
public sealed record ObjectShape(string Description, IReadOnlyList<KeyShape> Keys) : Shape(Description)
{
    public KeyShape? Find(string name) => Keys.FirstOrDefault(k => k.Name == name);
}

/// <summary>A mapping whose keys the file chooses (a framework's level-1 names, organisation ids), every value of shape <paramref name="Values"/>.</summary>
public sealed record MapShape(string Description, Shape Values) : Shape(Description);

/// <summary>The shape named <paramref name="Name"/> in the file's <see cref="FileSchema.Definitions"/>: how a structure holds itself (a group's fields).</summary>
public sealed record RefShape(string Name) : Shape(string.Empty);

/// <summary>One key of an <see cref="ObjectShape"/>. A required key may be neither absent nor null.</summary>
public sealed record KeyShape(string Name, Shape Shape, bool Required = false);

/// <summary>The shape of one kind of theme file, named as its published JSON Schema is (<c>layout.schema.json</c>).</summary>
public sealed record FileSchema(string Name, string Title, ObjectShape Root, IReadOnlyDictionary<string, Shape>? Definitions = null)
{
    public IReadOnlyDictionary<string, Shape> Named => Definitions ?? new Dictionary<string, Shape>();

    /// <summary>The shape itself, or the one a <see cref="RefShape"/> names.</summary>
    public Shape Resolve(Shape shape) => shape is RefShape reference ? Named[reference.Name] : shape;
}
