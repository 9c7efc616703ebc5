using System.Diagnostics;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Bench;

/// <summary>
/// Renders a typical email on one thread for the given time: renders per second (per core) and bytes
/// allocated per render, against a render of a template never seen before (parsed first).
/// </summary>
public static class RenderBenchmark
{
    private const string Subject = "{{ foundation.name }}: {{ today | date.to_string '%Y' }} grants for {{ nonprofit.name }}";

    private const string Body = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{{ foundation.name }}</title>
        <style>body { font-family: Arial, sans-serif; color: #333; } .tags { color: #666; } .small { font-size: 11px; }</style>
        </head><body>
        <p>Dear {{ nonprofit.name }},</p>
        <p>On behalf of everyone at {{ foundation.name }}, we are pleased to invite your organization to apply for our
        {{ today | date.to_string '%Y' }} community grants. This year the foundation supports projects that strengthen
        neighbourhoods, widen access to education and culture, and care for the local environment.</p>
        <p>We have you on file at:</p>
        <p>{{ nonprofit.address | html.newline_to_br }}</p>
        <p>Your areas of work, as we know them:</p>
        <ul class="tags">{{ for tag in nonprofit.tags }}
          <li>{{ tag | string.capitalize }}</li>{{ end }}
        </ul>
        {{ if nonprofit.tags.size > 2 }}<p>With {{ nonprofit.tags.size }} areas of work, you may apply in up to two of them.</p>
        {{ else }}<p>You may apply in each of your areas of work.</p>{{ end }}
        <p>Applications open on the first of next month and close six weeks later. A short form asks for a description
        of the project, its budget, and the people it serves; our staff are glad to read a draft before you submit it.
        Decisions are announced within eight weeks of the closing date, and every applicant receives written feedback.</p>
        <p>Last year {{ foundation.name }} funded forty-two projects across the region, from a repair café in a church
        hall to a summer reading programme run by volunteers; you can read their stories on our website.</p>
        <p>Grants range from {{ 2500 | math.format 'N0' }} to {{ 25000 | math.format 'N0' }} pounds, paid in two instalments.</p>
        <p>If you have questions, reply to this email or write to {{ sender.name }} at
        <a href="mailto:{{ sender.email }}">{{ sender.email }}</a>.</p>
        <p>Kind regards,<br>{{ sender.name }}<br>{{ foundation.name | string.upcase }}</p>
        <p class="small">Sent on {{ today }} to {{ nonprofit.email }}.
        <a href="{{ unsubscribe_url }}">Unsubscribe</a> from {{ foundation.name }}'s emails.</p>
        </body></html>
        """;

    private static readonly string[] Tags = ["arts", "education", "environment", "health", "housing", "youth"];

    public static void Run(int seconds)
    {
        var renderer = new TemplateRenderer();
        var models = Enumerable.Range(0, 1000).Select(Model).ToArray();
        Console.WriteLine($"body template: {Body.Length:N0} characters, subject: {Subject.Length} characters");

        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            RenderOrThrow(renderer, Subject, Body, models[i % models.Length]);
        }

        var renders = 0;
        var outputLength = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            outputLength += RenderOrThrow(renderer, Subject, Body, models[renders % models.Length]).Html.Length;
            renders++;
        }

        var elapsed = stopwatch.Elapsed;
        var allocatedPerRender = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / renders;

        const int newTemplates = 50;
        var allocatedBeforeNew = GC.GetAllocatedBytesForCurrentThread();
        var newStopwatch = Stopwatch.StartNew();
        for (var i = 0; i < newTemplates; i++)
        {
            RenderOrThrow(renderer, Subject, $"{Body}<!-- {i} -->", models[i]);
        }

        var newElapsed = newStopwatch.Elapsed;
        var allocatedPerNewRender = (GC.GetAllocatedBytesForCurrentThread() - allocatedBeforeNew) / newTemplates;

        Console.WriteLine($"cached template:  {renders:N0} renders in {elapsed.TotalSeconds:N1} s on one thread: {renders / elapsed.TotalSeconds,8:N0} renders/s per core, {elapsed.TotalMicroseconds / renders,6:N1} µs each, {allocatedPerRender,9:N0} bytes allocated per render ({outputLength / renders:N0} characters of HTML)");
        Console.WriteLine($"new template:     {newTemplates} renders, each of a body never seen before:    {newElapsed.TotalMicroseconds / newTemplates,6:N1} µs each, {allocatedPerNewRender,9:N0} bytes allocated per render (parse included)");
        Console.WriteLine($"a cached render allocates {(double)allocatedPerRender / allocatedPerNewRender:P0} of a first render: the template is parsed once, not per render");
    }

    private static RenderedEmail RenderOrThrow(TemplateRenderer renderer, string subject, string body, TemplateModel model)
    {
        var result = renderer.Render(subject, body, model, CancellationToken.None);
        return result.Email ?? throw new InvalidOperationException("The benchmark template did not render: " + string.Join("; ", result.Errors));
    }

    private static TemplateModel Model(int i) => new(
        new NonprofitValues(
            $"Community {(i % 3 == 0 ? "Arts & Music" : "Garden")} Trust {i}",
            $"{i} Harbour Street\nSuite {i % 40}\nPortsmouth PO{i % 9} 1AB",
            $"contact{i}@trust{i}.org",
            Tags.Skip(i % Tags.Length).Take(1 + i % 3).ToArray()),
        new FoundationValues("Northern Lights Foundation"),
        new SenderValues("Alex Morgan", "alex.morgan@northernlights.org"),
        $"https://northernlights.org/unsubscribe?n={i}&token=abc{i:x}",
        new DateOnly(2026, 3, 31));
}
