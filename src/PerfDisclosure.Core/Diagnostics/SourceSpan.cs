namespace PerfDisclosure.Core.Diagnostics;

/// <summary>A place in a content file: 1-based line and column, as editors and compilers count them.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan FileOnly(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
