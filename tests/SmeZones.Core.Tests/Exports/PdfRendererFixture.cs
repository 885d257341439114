using SmeZones.Core.Exports;

namespace SmeZones.Core.Tests.Exports;

/// <summary>One warm renderer for the PDF tests, as the application keeps one singleton.</summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    public ChromiumPdfRenderer Renderer { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Renderer.DisposeAsync();
}
