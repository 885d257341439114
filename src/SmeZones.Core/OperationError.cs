namespace SmeZones.Core;

/// <summary>
/// One reason a Core operation (a form check, a save, a review step) refused what it was given, in Chinese for the
/// person who asked. <see cref="Key"/> names the input it concerns in the operation's own terms (an answer key,
/// <c>reason</c>, <c>points:innovation</c>, …); pages map those keys to their input names in one place. An empty key
/// means the request as a whole.
/// </summary>
public sealed record OperationError(string Key, string Message)
{
    /// <summary>The key of an error that belongs to no one input.</summary>
    public const string WholeRequest = "";

    public static OperationError ForRequest(string message) => new(WholeRequest, message);

    public bool IsForRequest => Key.Length == 0;
}
