using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// The file a sharded build leaves in its output (<c>.shard.json</c>), so <c>merge</c> can check that it has every
/// shard once, that all were built by this tool from the same inputs (<see cref="ContentHash"/>), and that each
/// shard folder holds exactly the files its build wrote, byte for byte (<see cref="Files"/>).
/// </summary>
/// <param name="Format">The manifest's format: a manifest of another format was written by another version of the tool.</param>
/// <param name="Tool">The build code's identity (its module version id): shards built by other code may render differently.</param>
/// <param name="ContentHash">The same for every shard of one build: <see cref="ShardInputs.Hash"/>.</param>
public sealed record ShardManifest(
    int Format,
    string Tool,
    int Shard,
    int Of,
    string ContentHash,
    ShardInputs Inputs,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<ShardManifest.Entry> Files)
{
    public const string FileName = ".shard.json";

    /// <summary>This version's format; 1 had no content hash and no file list.</summary>
    public const int CurrentFormat = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The code that builds shards and merges them; the same for every process running one build of the tool.</summary>
    public static string ToolVersion { get; } = typeof(ShardManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>
    /// Reads a shard folder's manifest; a folder that is missing or no shard, or a manifest that is damaged or of
    /// another format, is an error naming the folder.
    /// </summary>
    public static ShardManifest Read(string folder)
    {
        if (File.Exists(folder))
        {
            throw new ShardMergeException($"{folder}：是文件，不是分片文件夹（请给出 build --shard K/N 的输出文件夹）", $"{folder}: a file, not a shard folder (give the output folders of 'build --shard K/N')");
        }

        if (!Directory.Exists(folder))
        {
            throw new ShardMergeException($"{folder}：没有这个分片文件夹", $"{folder}: no such shard folder");
        }

        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new ShardMergeException($"{folder}：不是 build --shard K/N 的输出（缺少 {FileName}）", $"{folder}: not the output of 'build --shard K/N' ({FileName} is missing)");
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            var format = JsonNode.Parse(bytes) is JsonObject json && json["format"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 1;
            if (format != CurrentFormat)
            {
                var (versionZh, version) = format < CurrentFormat ? ("较旧", "an older") : ("较新", "a newer");
                throw new ShardMergeException(
                    $"{folder}：其中的 {FileName} 是第 {format} 版格式，由{versionZh}版本的 perfdisclosure 写入（这个版本读取第 {CurrentFormat} 版）；请用这个版本重新构建各分片",
                    $"{folder}: its {FileName} is of format {format}, written by {version} version of perfdisclosure (this one reads format {CurrentFormat}); build the shards again with this version");
            }

            return JsonSerializer.Deserialize<ShardManifest>(bytes, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new ShardMergeException($"{path}：分片清单已损坏；请重新构建这个分片{Core.Diagnostics.OriginalText.InChinese(e.Message)}", $"{path}: damaged shard manifest ({e.Message}); build this shard again");
        }
    }

    /// <summary>One file the shard's build wrote: its site-relative path, size and SHA-256.</summary>
    public sealed record Entry(string Path, long Size, string Sha256);
}

/// <summary>Shard outputs that cannot be merged (missing shard, other inputs, missing or extra file); exit code 2, in the command's <c>--lang</c>.</summary>
public sealed class ShardMergeException(string messageZh, string message) : Reporting.BilingualIOException(messageZh, message);
