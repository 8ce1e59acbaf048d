using System.Text.Json;
using System.Text.Json.Serialization;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// A diagnostic in the build stamp as one flat array — code, severity, file, line, column, both messages, the fix
/// in both languages (or nulls), whether a draft's — read and written with the JSON reader and writer directly: a
/// build with nothing to do reads every diagnostic of the last build (thousands in a large site) before it can say
/// so, and the serialiser's object converters took a third of that build.
/// </summary>
internal sealed class StampDiagnostics : JsonConverter<Diagnostic>
{
    public override Diagnostic Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var code = Text(ref reader) ?? throw new JsonException("a stamp diagnostic has no code");
        var severity = (Severity)Number(ref reader);
        var where = new SourceSpan(Text(ref reader) ?? string.Empty, Number(ref reader), Number(ref reader));
        var (message, messageEn) = (Text(ref reader) ?? string.Empty, Text(ref reader) ?? string.Empty);
        var (fixZh, fixEn) = (Text(ref reader), Text(ref reader));
        Next(ref reader);
        var draft = reader.TokenType == JsonTokenType.True ? true : reader.TokenType == JsonTokenType.False ? false : throw new JsonException("a stamp diagnostic's draft flag is not true or false");
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("a stamp diagnostic has more than ten values");
        }

        return new Diagnostic(code, severity, where, message, messageEn, fixZh is null || fixEn is null ? null : new SuggestedFix(fixZh, fixEn)) { Draft = draft };
    }

    public override void Write(Utf8JsonWriter writer, Diagnostic value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Code);
        writer.WriteNumberValue((int)value.Severity);
        writer.WriteStringValue(value.Where.File);
        writer.WriteNumberValue(value.Where.Line);
        writer.WriteNumberValue(value.Where.Column);
        writer.WriteStringValue(value.Message);
        writer.WriteStringValue(value.MessageEn);
        writer.WriteStringValue(value.Fix?.Zh);
        writer.WriteStringValue(value.Fix?.En);
        writer.WriteBooleanValue(value.Draft);
        writer.WriteEndArray();
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("a stamp diagnostic ends early");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"a stamp diagnostic is not an array: {reader.TokenType}");
        }
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"a stamp diagnostic has {reader.TokenType} where text belongs"),
        };
    }

    private static int Number(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new JsonException($"a stamp diagnostic has {reader.TokenType} where a number belongs");
    }
}
