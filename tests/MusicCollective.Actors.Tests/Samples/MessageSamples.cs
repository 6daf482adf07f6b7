namespace MusicCollective.Actors.Tests.Samples;

/// <summary>One representative, fully populated instance per message type, by type.</summary>
internal static class MessageSamples
{
    public static IReadOnlyDictionary<Type, object> ByType { get; } =
        MemberSamples.All().Concat(BandSamples.All()).Concat(GigSamples.All()).ToDictionary(o => o.GetType());
}
