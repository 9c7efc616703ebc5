using System.Diagnostics;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Tests.Features.Drafts;

public sealed class TemplateRendererTests
{
    private static readonly TemplateModel Model = new(
        new NonprofitValues("Tom & Jerry <Rescue>", "1 Main St\nSpringfield", "info@tomjerry.org", ["animals", "a<b"]),
        new FoundationValues("Acme Foundation", "2 Foundation Row\nSpringfield", "https://acme.org/logo.png"),
        new SenderValues("Sam O'Neil", "sam@acme.org"),
        "https://acme.org/unsubscribe?id=1&t=\"2\"",
        new DateOnly(2026, 3, 31))
    {
        WebVersionUrl = "https://acme.org/email/abc",
    };

    private readonly TemplateRenderer _renderer = new();

    [Fact]
    public void Values_from_the_model_are_html_encoded_in_the_body()
    {
        var email = Rendered("<p>{{ nonprofit.name }}</p><p>{{ sender.name }}</p>");

        Assert.Equal("<p>Tom &amp; Jerry &lt;Rescue&gt;</p><p>Sam O&#39;Neil</p>", email.Html);
    }

    [Fact]
    public void A_nonprofit_named_like_a_script_cannot_inject_markup()
    {
        var model = Model with { Nonprofit = Model.Nonprofit with { Name = "<script>alert(1)</script>" } };

        var html = Succeeded(_renderer.Render("Hi", "<h1>{{ nonprofit.name }}</h1>", model, TestContext.Current.CancellationToken)).Html;

        Assert.Equal("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>", html);
    }

    [Fact]
    public void The_template_literal_html_is_kept_as_written()
    {
        const string body = "<a href=\"https://acme.org\" class='big'>&nbsp;<b>Hi</b> &amp; welcome</a>\n<!-- note -->";

        Assert.Equal(body, Rendered(body).Html);
    }

    [Fact]
    public void Values_passed_through_filters_loops_and_expressions_are_encoded()
    {
        var email = Rendered(
            "{{ nonprofit.name | string.upcase }}|{{ for tag in nonprofit.tags }}<i>{{ tag }}</i>{{ end }}|{{ '<b>' + nonprofit.email }}|{{ nonprofit.tags | array.join ', ' }}");

        Assert.Equal("TOM &amp; JERRY &lt;RESCUE&gt;|<i>animals</i><i>a&lt;b</i>|&lt;b&gt;info@tomjerry.org|animals, a&lt;b", email.Html);
    }

    [Fact]
    public void Captured_markup_is_written_as_is_with_its_values_encoded_once()
    {
        var email = Rendered("{{ capture card }}<b>{{ nonprofit.name }}</b>{{ end }}<div>{{ card }}</div>");

        Assert.Equal("<div><b>Tom &amp; Jerry &lt;Rescue&gt;</b></div>", email.Html);
    }

    [Fact]
    public void Newline_to_br_encodes_the_text_and_keeps_its_line_breaks_as_markup()
    {
        var model = Model with { Nonprofit = Model.Nonprofit with { Address = "1 Main St & Co\r\nSpringfield <North>" } };

        var html = Succeeded(_renderer.Render("Hi", "<p>{{ nonprofit.address | html.newline_to_br }}</p>", model, TestContext.Current.CancellationToken)).Html;

        Assert.Equal("<p>1 Main St &amp; Co<br />\nSpringfield &lt;North&gt;</p>", html);
    }

    [Fact]
    public void Quotes_and_ampersands_are_encoded_inside_attributes()
    {
        var email = Rendered("<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");

        Assert.Equal("<a href=\"https://acme.org/unsubscribe?id=1&amp;t=&quot;2&quot;\">Unsubscribe</a>", email.Html);
    }

    [Fact]
    public void Html_escape_in_a_template_does_not_encode_twice()
    {
        Assert.Equal("Tom &amp; Jerry &lt;Rescue&gt;", Rendered("{{ nonprofit.name | html.escape }}").Html);
    }

    [Fact]
    public void The_subject_is_plain_text_on_one_line()
    {
        var email = Rendered("<p>Hi</p>", subject: "  {{ nonprofit.name }} &\n\n   news for {{ today }}\r\n ");

        Assert.Equal("Tom & Jerry <Rescue> & news for 2026-03-31", email.Subject);
    }

    [Fact]
    public void Every_listed_variable_renders_a_value()
    {
        foreach (var variable in TemplateVariables.All)
        {
            var email = Rendered($"{{{{ {variable.Name} }}}}");

            Assert.False(string.IsNullOrWhiteSpace(email.Html), variable.Name);
        }

        Assert.Equal(
            [
                "nonprofit.name", "nonprofit.address", "nonprofit.email", "nonprofit.tags", "foundation.name", "foundation.address", "foundation.logo_url",
                "sender.name", "sender.email", "unsubscribe_url", "web_version_url", "today",
            ],
            TemplateVariables.All.Select(variable => variable.Name));
    }

    [Fact]
    public void Today_prints_as_an_iso_date_and_formats_with_date_functions()
    {
        var email = Rendered("{{ today }}|{{ today | date.to_string '%d %B %Y' }}|{{ today.year }}");

        Assert.Equal("2026-03-31|31 March 2026|2026", email.Html);
    }

    [Fact]
    public void An_unknown_member_is_an_error_with_line_and_column()
    {
        var error = Assert.Single(Errors("<p>Hi</p>\n<p>{{ nonprofit.nmae }}</p>"));

        Assert.Equal(new TemplateError("body", 2, 17, "There is no `nonprofit.nmae`. Did you mean `nonprofit.name`?", "<p>{{ nonprofit.nmae }}</p>"), error);
    }

    [Fact]
    public void An_unknown_variable_is_an_error_that_suggests_the_right_name()
    {
        var error = Assert.Single(Errors("Dear {{ nonprofitt.name }},"));

        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.Equal("There is no variable or function `nonprofitt`. Did you mean `nonprofit`?", error.Message);
    }

    [Fact]
    public void A_name_unlike_any_variable_is_an_error_not_a_blank()
    {
        var error = Assert.Single(Errors("x{{ foo }}y"));

        Assert.Equal("There is no variable or function `foo`.", error.Message);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_member_in_the_subject_is_reported_for_the_subject()
    {
        var error = Assert.Single(_renderer.Render("Hi {{ sender.nam }}", "<p>ok</p>", Model, TestContext.Current.CancellationToken).Errors);

        Assert.Equal(("subject", "There is no `sender.nam`. Did you mean `sender.name`?"), (error.Part, error.Message));
    }

    [Fact]
    public void A_template_cannot_reach_members_of_dotnet_objects()
    {
        var error = Assert.Single(Errors("{{ nonprofit.name.GetType }}"));
        var capture = Assert.Single(Errors("{{ capture card }}x{{ end }}{{ card.builder.capacity = 100000000 }}"));

        Assert.StartsWith("There is no `nonprofit.name.GetType`", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("There is no `card.builder`", capture.Message, StringComparison.Ordinal);
        Assert.Equal("2026|3|31|24", Rendered("{{ today.year }}|{{ today.month }}|{{ today.day }}|{{ (timespan.from_days 1).total_hours }}").Html);
    }

    [Fact]
    public void Include_is_not_available()
    {
        var error = Assert.Single(Errors("<p>{{ include 'header' }}</p>"));

        Assert.Equal("There is no variable or function `include`.", error.Message);
    }

    [Fact]
    public void A_bad_function_call_is_an_error_with_its_position_not_an_exception()
    {
        var error = Assert.Single(Errors("<p>\n  {{ nonprofit.name | string.truncate 'ten' }}</p>"));

        Assert.Equal(("body", 2), (error.Part, error.Line));
        Assert.Contains("convert", error.Message, StringComparison.Ordinal);
        Assert.Equal("{{ nonprofit.name | string.truncate 'ten' }}</p>", error.Excerpt);
    }

    [Fact]
    public void Builtin_functions_cannot_be_changed_by_a_template()
    {
        Assert.Single(Errors("{{ date.format = '%Y' }}"));
        Assert.Single(Errors("{{ string.shout = 1 }}"));

        Assert.Equal("2026-03-31", Rendered("{{ today }}").Html);
    }

    [Fact]
    public void What_the_subject_assigns_does_not_reach_the_body()
    {
        var result = _renderer.Render("{{ greeting = 'Hi' }}{{ greeting }}", "{{ greeting }}", Model, TestContext.Current.CancellationToken);

        Assert.Equal(("body", "There is no variable or function `greeting`."), (Assert.Single(result.Errors).Part, result.Errors[0].Message));
    }

    [Fact]
    public void A_syntax_error_has_line_column_and_excerpt()
    {
        var error = Assert.Single(_renderer.Check("Hello", "<p>Hi</p>\n<p>{{ 1 + }}</p>"));

        Assert.Equal(("body", 2, 11, "<p>{{ 1 + }}</p>"), (error.Part, error.Line, error.Column, error.Excerpt));
        Assert.Contains("Expecting an <expression>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_end_is_a_syntax_error()
    {
        var error = Assert.Single(_renderer.Check("Hello", "{{ if nonprofit.tags.size > 0 }}\n<p>tags</p>"));

        Assert.Contains("end", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Check_reports_syntax_errors_of_both_parts_and_leaves_names_to_render()
    {
        var errors = _renderer.Check("Hi {{ 1 + }}", "{{ for }}\n{{ nonprofit.nmae }}");

        Assert.Equal(["subject", "body"], errors.Select(error => error.Part));
        Assert.Empty(_renderer.Check("{{ foo }}", "{{ nonprofit.nmae }}"));
    }

    [Fact]
    public void A_template_with_syntax_errors_is_not_rendered()
    {
        var result = _renderer.Render("Hi", "{{ 1 + }}", Model, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Null(result.Email);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_liquid_tag_is_an_error_that_points_to_scriban()
    {
        var errors = _renderer.Check("Hi", "<p>Hi</p>\n  {% if nonprofit.name %}yes{% endif %}");

        Assert.Equal([(2, 3), (2, 29)], errors.Select(error => (error.Line, error.Column)));
        Assert.Equal("`{% if nonprofit.name %}`: Liquid tags {% %} are not supported; use {{ }} (Scriban), as in {{ if … }} … {{ end }}.", errors[0].Message);
        Assert.False(_renderer.Render("Hi", "{% if x %}", Model, TestContext.Current.CancellationToken).Succeeded);
    }

    [Fact]
    public void A_liquid_filter_is_an_error_that_names_the_scriban_function()
    {
        var error = Assert.Single(_renderer.Check("Hi", "<p>{{ nonprofit.name | upcase }}</p>"));

        Assert.Equal((1, 24), (error.Line, error.Column));
        Assert.Equal("`upcase` is a Liquid filter; in Scriban write `string.upcase`, as in {{ nonprofit.name | string.upcase }}.", error.Message);
    }

    [Fact]
    public void A_liquid_filter_with_colon_arguments_is_an_error()
    {
        var errors = _renderer.Check("Hi", "{{ nonprofit.name | truncate: 10 }}");

        Assert.Contains(errors, error => error.Message == "`| truncate:` is Liquid filter syntax; in Scriban write `| string.truncate argument` (no colon, no commas).");
    }

    [Fact]
    public void A_function_the_template_defines_may_have_a_liquid_filter_name()
    {
        var email = Rendered("{{ func upcase(text); ret text + '!'; end }}{{ nonprofit.email | upcase }}");

        Assert.Equal("info@tomjerry.org!", email.Html);
    }

    [Fact]
    public void Scriban_escape_blocks_may_hold_liquid_looking_text()
    {
        Assert.Equal(" {% raw %} ", Rendered("{%{ {% raw %} }%}").Html);
    }

    [Fact]
    public void A_template_over_1_MB_is_refused_before_parsing()
    {
        var result = _renderer.Render("Hi", new string('a', 1100 * 1024), Model, TestContext.Current.CancellationToken);

        Assert.Equal("The body template is 1,100 KB; the limit is 1024 KB.", Assert.Single(result.Errors).Message);
        Assert.Equal(1, _renderer.Cache.Parses);
    }

    [Fact]
    public void The_template_size_is_counted_in_utf8_bytes()
    {
        var errors = _renderer.Check(new string('é', 550 * 1024), "ok");

        Assert.Equal(("subject", "The subject template is 1,100 KB; the limit is 1024 KB."), (Assert.Single(errors).Part, errors[0].Message));
        Assert.Empty(_renderer.Check("Hi", new string('a', 1024 * 1024)));
    }

    [Fact]
    public void Loops_past_the_iteration_limit_are_an_error()
    {
        const string message = "The template repeats more than 10,000 times (loop iterations), the limit for one email.";

        Assert.Equal(message, Assert.Single(Errors("{{ for i in 1..20000 }}x{{ end }}")).Message);
        Assert.Equal(message, Assert.Single(Errors("{{ for i in 1..200 }}{{ for j in 1..200 }}{{ end }}{{ end }}")).Message);
        Assert.Equal(message, Assert.Single(Errors("{{ while true }}{{ end }}")).Message);
        Assert.Equal(9_000, Rendered("{{ for i in 1..9000 }}x{{ end }}").Html.Length);
    }

    [Fact]
    public void Recursion_past_the_limit_is_an_error()
    {
        var error = Assert.Single(Errors("\n{{ func down(n); ret down(n + 1); end; down 1 }}"));

        Assert.Equal("Functions call each other more than 20 levels deep, the limit.", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal("15", Rendered("{{ func down(n); if n < 15; ret down(n + 1); end; ret n; end; down 0 }}").Html);
    }

    [Fact]
    public void Output_past_1_MB_is_an_error()
    {
        var error = Assert.Single(Errors("{{ chunk = '' | string.pad_right 100000 }}{{ for i in 1..20 }}{{ chunk }}{{ end }}"));

        Assert.Equal("The rendered body would be longer than 1 MB, the limit.", error.Message);
    }

    [Fact]
    public void A_string_built_past_1_MB_is_an_error()
    {
        var error = Assert.Single(Errors("{{ text = 'abcdefghij'; for i in 1..20; text = text + text; end; text | string.size }}"));

        Assert.Equal("The rendered body would be longer than 1 MB, the limit.", error.Message);
    }

    [Fact]
    public void A_template_that_piles_up_memory_is_stopped()
    {
        // Without the time limit, which a loaded machine could reach first.
        var renderer = new TemplateRenderer(TimeSpan.FromMinutes(1));
        const string message = "The template uses more than 512 MB of memory, the limit for one email.";

        var inLoop = renderer.Render("Hi", "{{ long = '' | string.pad_left 1000000; kept = []; for i in 1..9000; kept[i] = long + i; end }}", Model, TestContext.Current.CancellationToken);
        var inCalls = renderer.Render("Hi", "{{ long = '' | string.pad_left 1000000; func grow(n); if n == 0; ret [long + n]; end; ret grow(n - 1) + grow(n - 1); end; kept = grow 12 }}", Model, TestContext.Current.CancellationToken);

        Assert.Equal(message, Assert.Single(inLoop.Errors).Message);
        Assert.Equal(message, Assert.Single(inCalls.Errors).Message);
    }

    [Fact]
    public void A_render_that_runs_too_long_stops_at_the_time_limit()
    {
        // A short limit: a fast machine allocates the memory limit's 512 MB within a second of this template.
        var renderer = new TemplateRenderer(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        var rendered = renderer.Render("Hi", "{{ func spread(n); if n > 0; spread(n - 1); spread(n - 1); spread(n - 1); end; end; spread 15 }}", Model, TestContext.Current.CancellationToken);

        Assert.Equal("Rendering took longer than 0.3 s, the limit for one email: look for a loop or a function that runs too long.", Assert.Single(rendered.Errors).Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_callers_cancellation_stops_a_render_with_an_exception()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // The caller cancels from a thread of its own as the render starts (the render takes its full 1 s limit
        // otherwise): CancelAfter's callback runs on the thread pool, which a busy test run can hold past that limit.
        var testEnds = TestContext.Current.CancellationToken;
        using var rendering = new ManualResetEventSlim();
        var caller = new Thread(() =>
        {
            rendering.Wait(testEnds);
            cancellation.Cancel();
        });
        caller.Start();

        rendering.Set();
        Assert.Throws<OperationCanceledException>(() => _renderer.Render("Hi", "{{ func spread(n); if n > 0; spread(n - 1); spread(n - 1); spread(n - 1); end; end; spread 15 }}", Model, cancellation.Token));
        caller.Join();
        Assert.Throws<OperationCanceledException>(() => _renderer.Render("Hi", "<p>Hi</p>", Model, cancellation.Token));
    }

    [Fact]
    public void A_failed_render_leaves_nothing_behind_for_the_next_one()
    {
        Assert.Single(Errors("{{ x = 1 }}{{ for i in 1..200 }}{{ for j in 1..200 }}{{ end }}{{ end }}"));
        Assert.Single(Errors("{{ func down(n); ret down(n + 1); end; down 1 }}"));

        Assert.Equal(9_000, Rendered("{{ for i in 1..9000 }}x{{ end }}").Html.Length);
        Assert.Equal("15", Rendered("{{ func down(n); if n < 15; ret down(n + 1); end; ret n; end; down 0 }}").Html);
        Assert.Single(Errors("{{ x }}"));
    }

    [Fact]
    public void The_text_alternative_keeps_words_lines_bullets_and_links()
    {
        var email = Rendered("""
            <!DOCTYPE html>
            <html><head><title>News</title><style>p { color: red; }</style></head><body>
            <a href="https://acme.org"><img src="https://acme.org/logo.png" alt=""></a>
            <h1>Hello {{ nonprofit.name }}</h1>
            <p>First line<BR>second
               line</p>
            <div>Tags:</div>
            <ul>{{ for tag in nonprofit.tags }}
              <li>{{ tag }}</li>{{ end }}
            </ul>
            <p>Read <a href="https://acme.org/report?a=1&amp;b=2">our <b>report</b></a>, visit <a href="https://acme.org">https://acme.org</a>
            or write to <a href="mailto:{{ sender.email }}">{{ sender.email }}</a>.</p>
            <table><tr><td>Left</td><td>Right</td></tr></table>
            <p>&copy; 2026&nbsp;&nbsp;Acme</p>
            </body></html>
            """);

        Assert.Equal("""
            https://acme.org
            Hello Tom & Jerry <Rescue>

            First line
            second line

            Tags:

            - animals
            - a<b

            Read our report (https://acme.org/report?a=1&b=2), visit https://acme.org or write to sam@acme.org.

            Left Right

            © 2026 Acme
            """.ReplaceLineEndings("\n"), email.Text);
    }

    [Fact]
    public void A_cached_template_is_not_parsed_again()
    {
        const string subject = "News for {{ nonprofit.name }}";
        const string body = "<p>{{ nonprofit.name }}</p>";

        _renderer.Check(subject, body);
        var first = Rendered(body, subject);
        var second = _renderer.Render(subject, body, Model with { Nonprofit = Model.Nonprofit with { Name = "Other" } }, TestContext.Current.CancellationToken);

        Assert.Equal(2, _renderer.Cache.Parses);
        Assert.Equal("<p>Tom &amp; Jerry &lt;Rescue&gt;</p>", first.Html);
        Assert.Equal("<p>Other</p>", second.Email?.Html);
    }

    [Fact]
    public void The_cache_holds_at_most_500_templates_and_keeps_those_in_use()
    {
        _renderer.Check("Hi", "<p>in use</p>");
        for (var i = 0; i < 1_000; i++)
        {
            _renderer.Check("Hi", $"<p>draft {i}</p>");
            if (i % 100 == 0)
            {
                _renderer.Check("Hi", "<p>in use</p>");
            }
        }

        var parses = _renderer.Cache.Parses;
        _renderer.Check("Hi", "<p>in use</p>");
        _renderer.Check("Hi", "<p>draft 999</p>");

        Assert.Equal(1_002, parses);
        Assert.Equal(parses, _renderer.Cache.Parses);
        Assert.InRange(_renderer.Cache.Count, 1, TemplateRenderer.CacheCapacity);
        _renderer.Check("Hi", "<p>draft 0</p>");
        Assert.Equal(parses + 1, _renderer.Cache.Parses);
    }

    [Fact]
    public void Parallel_renders_of_one_template_each_get_their_own_values()
    {
        const string subject = "{{ nonprofit.name | string.upcase }}";
        const string body = "{{ name = nonprofit.name }}<p>{{ name }}</p>{{ for tag in nonprofit.tags }}<i>{{ tag }}</i>{{ end }}<p>{{ today | date.to_string '%d/%m' }}</p>";
        var results = new string?[400];

        Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken }, i =>
        {
            var model = Model with { Nonprofit = new NonprofitValues($"N{i}", "", "", [$"t{i}", "&"]), Today = new DateOnly(2026, 1 + i % 12, 1) };
            var email = _renderer.Render(subject, body, model, TestContext.Current.CancellationToken).Email;
            results[i] = $"{email?.Subject} {email?.Html}";
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"N{i} <p>N{i}</p><i>t{i}</i><i>&amp;</i><p>01/{1 + i % 12:00}</p>", results[i]);
        }

        Assert.Equal(2, _renderer.Cache.Parses);
    }

    private RenderedEmail Rendered(string body, string subject = "Hello") =>
        Succeeded(_renderer.Render(subject, body, Model, TestContext.Current.CancellationToken));

    private IReadOnlyList<TemplateError> Errors(string body)
    {
        var result = _renderer.Render("Hello", body, Model, TestContext.Current.CancellationToken);
        Assert.False(result.Succeeded, "The template rendered: " + result.Email?.Html);
        return result.Errors;
    }

    private static RenderedEmail Succeeded(RenderResult result)
    {
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Email;
    }
}
