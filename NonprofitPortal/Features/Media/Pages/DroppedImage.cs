using Microsoft.JSInterop;

namespace NonprofitPortal.Features.Media.Pages;

/// <summary>A file dropped or pasted in the browser, streamed to the server when read.</summary>
public sealed record DroppedImage(IJSStreamReference File, string Name);
