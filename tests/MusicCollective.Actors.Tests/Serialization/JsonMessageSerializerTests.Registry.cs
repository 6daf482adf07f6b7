using System.Runtime.Serialization;
using MusicCollective.Actors.Serialization;
using MusicCollective.Domain.Gigs;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>The manifest registry: versioned, unique, complete, and bound to the serializer.</summary>
public sealed partial class JsonMessageSerializerTests
{
    // Proves every manifest ends in ".v1" and no two types share one.
    [Fact]
    public void Manifests_are_versioned_and_unique()
    {
        var manifests = ManifestRegistry.Types.Select(ManifestRegistry.ManifestOf).ToArray();

        Assert.All(manifests, m => Assert.EndsWith(".v1", m, StringComparison.Ordinal));
        Assert.Equal(manifests.Length, manifests.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ManifestRegistry.Types, t => Assert.Equal(t, ManifestRegistry.TypeOf(ManifestRegistry.ManifestOf(t))));
    }

    // Proves every concrete message type of the domain (anything under a bound base type) has a manifest, so none falls back to Akka's default serializer.
    [Fact]
    public void Every_domain_message_type_is_registered()
    {
        var messageTypes = typeof(GigEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && ManifestRegistry.BoundBaseTypes.Any(b => b.IsAssignableFrom(t)));

        Assert.Empty(messageTypes.Where(t => !ManifestRegistry.Types.Contains(t)).Select(t => t.Name));
    }

    // Proves every registered type is under a base type bound to this serializer in Akka's configuration.
    [Fact]
    public void Every_registered_type_is_bound()
    {
        Assert.Empty(ManifestRegistry.Types.Where(t => !ManifestRegistry.BoundBaseTypes.Any(b => b.IsAssignableFrom(t))).Select(t => t.Name));
    }

    // Proves the serializer's id is the one stored beside every event, and that it carries a manifest.
    [Fact]
    public void Identifier_is_pinned()
    {
        Assert.Equal(4242, Serializer.Identifier);
        Assert.True(Serializer.IncludeManifest);
    }

    // Proves an unknown manifest and an unregistered type are refused rather than guessed.
    [Fact]
    public void Unknown_manifest_and_type_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Serializer.FromBinary("{}"u8.ToArray(), "gig-settled.v2"));
        Assert.Throws<ArgumentException>(() => Serializer.Manifest(new object()));
    }

    // Proves a stored "null" is refused rather than replayed as a null event.
    [Fact]
    public void Null_payload_is_refused() =>
        Assert.Throws<SerializationException>(() => Serializer.FromBinary("null"u8.ToArray(), "gig-settled.v1"));
}
