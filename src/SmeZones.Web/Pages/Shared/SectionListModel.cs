using SmeZones.Core.Applications;

namespace SmeZones.Web.Pages;

/// <summary>
/// The list of a form's sections. With <paramref name="SaveFormId"/> (an editable section's form) every other entry is a
/// submit button of that form, so leaving a section saves what was typed first, with or without JavaScript.
/// </summary>
public sealed record SectionListModel(Guid ApplicationId, IReadOnlyList<SectionProgress> Progress, string? Current, string? SaveFormId);
