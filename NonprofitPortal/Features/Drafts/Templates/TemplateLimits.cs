namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>What a template may cost. Passing any of them is a <see cref="TemplateError"/>, never a hang or an exception.</summary>
public static class TemplateLimits
{
    /// <summary>
    /// Per template (subject or body), in UTF-8 bytes, checked before parsing. Room for what a campaign
    /// sends: a draft's body (256 KB at most) in its layout (64 KB), with the layout's styles inlined.
    /// </summary>
    public const int MaxTemplateBytes = 1024 * 1024;

    /// <summary>Loop iterations, counted across nested loops and internal iterations (ranges, array functions).</summary>
    public const int MaxLoopIterations = 10_000;

    /// <summary>Depth of function calls within functions.</summary>
    public const int MaxRecursionDepth = 20;

    /// <summary>Per rendered part, in characters.</summary>
    public const int MaxOutputLength = 1024 * 1024;

    /// <summary>
    /// Memory allocated while rendering one part, garbage included. Templates that only compute allocate about
    /// 300 MB a second and meet <see cref="MaxRenderTime"/> first; those that pile up long strings meet this.
    /// </summary>
    public const long MaxAllocatedBytes = 512L * 1024 * 1024;

    /// <summary>Per email (subject and body together).</summary>
    public static readonly TimeSpan MaxRenderTime = TimeSpan.FromSeconds(1);
}
