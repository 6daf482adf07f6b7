using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace MusicCollective.Actors.Serialization;

/// <summary>
/// Serialises events, snapshots and messages as System.Text.Json with an explicit manifest per type
/// (<see cref="ManifestRegistry"/>). Why not Akka's default: it is Newtonsoft JSON of object graphs with CLR type
/// names inside, which breaks on renames and turns a boxed int into a long. Decimals round-trip exactly.
/// </summary>
public sealed class JsonMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>This serializer's id in Akka's registry; never change it (it is stored beside every event).</summary>
    public const int SerializerId = 4242;

    /// <summary>The name it is registered under.</summary>
    public const string Name = "music-collective-json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        WriteIndented = false,
    };

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, ManifestRegistry.TypeOf(manifest), Options)
        ?? throw new System.Runtime.Serialization.SerializationException($"'{manifest}' deserialised to null");

    /// <inheritdoc />
    public override string Manifest(object o) => ManifestRegistry.ManifestOf(o.GetType());
}
