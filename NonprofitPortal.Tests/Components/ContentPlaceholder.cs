using Microsoft.AspNetCore.Components;

namespace NonprofitPortal.Tests.Components;

/// <summary>An empty page for tests that only need the providers, such as a dialog opened by the test itself.</summary>
public sealed class ContentPlaceholder : ComponentBase;
