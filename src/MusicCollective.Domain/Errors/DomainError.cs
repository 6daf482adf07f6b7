namespace MusicCollective.Domain.Errors;

/// <summary>
/// One thing wrong with a request: which field (a path such as <c>lineup[2].role</c>), what kind of error, and a
/// sentence a person can act on. The gRPC layer turns these into google.rpc.BadRequest field violations.
/// </summary>
public sealed record DomainError(DomainErrorCode Code, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message} ({Code})";
}
