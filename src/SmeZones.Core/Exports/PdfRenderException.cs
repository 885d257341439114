namespace SmeZones.Core.Exports;

/// <summary>A PDF could not be made (Chromium missing, crashed or too slow). The message says which.</summary>
public sealed class PdfRenderException : Exception
{
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
