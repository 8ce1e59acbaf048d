using System.Text.Json;

namespace PerfDisclosure.Build.Sharding;

/// <summary>The file a sharded build leaves in its output, so <c>merge</c> can check it has every shard once.</summary>
public sealed record ShardManifest(int Shard, int Of, IReadOnlyList<string> Organisations)
{
    public const string FileName = ".shard.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a shard folder's manifest; a missing or unreadable one is an error naming the folder.</summary>
    public static ShardManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new ShardMergeException($"{folder}: not the output of 'build --shard K/N' ({FileName} is missing)");
        }

        try
        {
            return JsonSerializer.Deserialize<ShardManifest>(File.ReadAllBytes(path), Json)
                ?? throw new ShardMergeException($"{path}: empty shard manifest");
        }
        catch (JsonException e)
        {
            throw new ShardMergeException($"{path}: unreadable shard manifest: {e.Message}");
        }
    }
}

/// <summary>Shard outputs that cannot be merged (missing shard, different split, missing page); exit code 2.</summary>
public sealed class ShardMergeException(string message) : IOException(message);
