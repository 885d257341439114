namespace SmeZones.Core.Exports;

/// <summary>A PDF could not be made (Chromium missing, crashed or too slow, or every page busy). The message says which.</summary>
public sealed class PdfRenderException : Exception
{
    /// <summary>Every page of the pool stayed busy for the queue timeout: nothing failed, the request may simply be retried.</summary>
    public bool Busy { get; init; }

    public PdfRenderException()
    {
    }

    public PdfRenderException(string message)
        : base(message)
    {
    }

    public PdfRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
