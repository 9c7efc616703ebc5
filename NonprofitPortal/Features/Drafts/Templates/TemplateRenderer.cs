using System.Diagnostics;
using System.Text;
using Scriban;
using Scriban.Syntax;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// Renders an email's Scriban templates for one nonprofit in a sandbox: the model's variables and Scriban's
/// builtin functions only, strict about names, within <see cref="TemplateLimits"/>. Problems come back as
/// <see cref="TemplateError"/>s. Thread-safe; one instance serves the whole app, caching parsed templates.
/// </summary>
public sealed class TemplateRenderer
{
    internal const int CacheCapacity = 500;

    // Past this, a context's output buffer is too big to keep around for the next render.
    private const int MaxPooledOutputLength = 64 * 1024;

    // A context costs about 20 KB to build; each thread keeps one between renders (Render never awaits).
    [ThreadStatic]
    private static SandboxedTemplateContext? _threadContext;

    private readonly TimeSpan _maxRenderTime;

    public TemplateRenderer()
        : this(TemplateLimits.MaxRenderTime)
    {
    }

    /// <summary>For tests that must not race the time limit.</summary>
    internal TemplateRenderer(TimeSpan maxRenderTime) => _maxRenderTime = maxRenderTime;

    internal TemplateCache Cache { get; } = new(CacheCapacity);

    /// <summary>Syntax errors only, without rendering: cheap enough to run as the user types.</summary>
    public IReadOnlyList<TemplateError> Check(string subjectTemplate, string bodyTemplate) =>
        [.. Parse(TemplateError.Subject, subjectTemplate).Errors, .. Parse(TemplateError.Body, bodyTemplate).Errors];

    /// <summary>
    /// The email for <paramref name="model"/>, or every error found. Only the caller's own cancellation throws
    /// (<see cref="OperationCanceledException"/>); running past <see cref="TemplateLimits.MaxRenderTime"/> is an error.
    /// </summary>
    public RenderResult Render(string subjectTemplate, string bodyTemplate, TemplateModel model, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var subject = Parse(TemplateError.Subject, subjectTemplate);
        var body = Parse(TemplateError.Body, bodyTemplate);
        if (subject.Template is null || body.Template is null)
        {
            return RenderResult.Failed([.. subject.Errors, .. body.Errors]);
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(_maxRenderTime.TotalSeconds * Stopwatch.Frequency);
        var (subjectText, subjectError) = RenderPart(TemplateError.Subject, subjectTemplate, subject.Template, model, deadline, cancellationToken);
        var (html, bodyError) = Stopwatch.GetTimestamp() > deadline || cancellationToken.IsCancellationRequested
            ? (null, null)
            : RenderPart(TemplateError.Body, bodyTemplate, body.Template, model, deadline, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        if (subjectText is null || html is null)
        {
            return RenderResult.Failed([.. new[] { subjectError, bodyError }.OfType<TemplateError>()]);
        }

        return RenderResult.Ok(new RenderedEmail(OneLine(subjectText), html, HtmlToText.Convert(html)));
    }

    private ParsedTemplate Parse(string part, string text)
    {
        // A character is at most 3 UTF-8 bytes: only long texts need counting.
        if (text.Length > TemplateLimits.MaxTemplateBytes / 3 && Encoding.UTF8.GetByteCount(text) is var bytes && bytes > TemplateLimits.MaxTemplateBytes)
        {
            return new ParsedTemplate(null, [TemplateErrors.TooLarge(part, bytes)]);
        }

        return Cache.Get(part, text);
    }

    private (string? Output, TemplateError? Error) RenderPart(string part, string source, Template template, TemplateModel model, long deadline, CancellationToken cancellationToken)
    {
        // Taken from the thread while in use, and given back only after a clean render: an exception can leave
        // a context half-unwound.
        var context = _threadContext ?? new SandboxedTemplateContext();
        _threadContext = null;
        context.Begin(source, htmlEncodeValues: part == TemplateError.Body, TemplateGlobals.Create(model), deadline, cancellationToken);
        try
        {
            var output = template.Render(context);
            context.Reset();
            if (output.Length <= MaxPooledOutputLength)
            {
                _threadContext = context;
            }

            return (output, null);
        }
        catch (ScriptAbortException exception)
        {
            return (null, TemplateErrors.TimeLimit(part, source, exception.Span, _maxRenderTime));
        }
        catch (ScriptRuntimeException exception)
        {
            return (null, TemplateErrors.Runtime(part, source, exception));
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
