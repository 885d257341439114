namespace SmeZones.Web.Infrastructure;

/// <summary>HTML ids for fields, so the error summary links land on the right input.</summary>
public static class FieldIds
{
    public static string For(string key) => "f-" + key.Replace('.', '-').Replace('[', '-').Replace(']', '-');

    public static string ErrorFor(string key) => For(key) + "-error";
}
