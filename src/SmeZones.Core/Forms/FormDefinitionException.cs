namespace SmeZones.Core.Forms;

/// <summary>A form edition is malformed; the message names the edition and the problem.</summary>
public sealed class FormDefinitionException : Exception
{
    public FormDefinitionException()
    {
    }

    public FormDefinitionException(string message)
        : base(message)
    {
    }

    public FormDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FormDefinitionException(string edition, IReadOnlyList<string> problems)
        : base($"Form edition '{edition}' is invalid: " + string.Join("; ", problems))
    {
        Edition = edition;
        Problems = problems;
    }

    public string? Edition { get; }

    public IReadOnlyList<string> Problems { get; } = [];
}
