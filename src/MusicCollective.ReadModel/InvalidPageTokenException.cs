namespace MusicCollective.ReadModel;

/// <summary>
/// A page token this store did not issue, or issued for another list or other filters. An operating error (the
/// caller's input), so it derives from <see cref="ArgumentException"/>: the gRPC layer maps it to INVALID_ARGUMENT.
/// </summary>
public sealed class InvalidPageTokenException : ArgumentException
{
    /// <summary>Creates the exception; <paramref name="reason"/> says what is wrong, never echoing the token.</summary>
    public InvalidPageTokenException(string reason, Exception? innerException = null)
        : base($"The page token is not valid for this list: {reason}. Use the next_page_token of the previous page, " +
            "with the same filters, or no token for the first page.", "pageToken", innerException)
    {
    }
}
