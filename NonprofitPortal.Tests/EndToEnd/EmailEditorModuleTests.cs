using Microsoft.Playwright;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.EndToEnd;

/// <summary>
/// The body editor's browser module on its own, in chromium, under the app's Content-Security-Policy
/// (loaded from the sign-in page): what it keeps of HTML through the visual editor, what it warns
/// about, what it makes of pasted Word documents.
/// </summary>
[Collection(BrowserJourneyCollection.Name)]
public sealed class EmailEditorModuleTests(BrowserHost app, ChromiumBrowser browser) : IAsyncLifetime
{
    // Template code where HTML would rewrite it: blocks between paragraphs and list items, code
    // inside attributes (with & around it), in running text and in bold text.
    private const string TemplatedBody =
        "<p>Dear {{ nonprofit.name }},</p>" +
        "{{ if nonprofit.tags.size > 0 }}<p>Your tags: {{ for tag in nonprofit.tags }}<strong>{{ tag }}</strong>{{ if !for.last }}, {{ end }}{{ end }}</p>{{ end }}" +
        "<ul>{{ for tag in nonprofit.tags }}<li>{{ tag | string.upcase }}</li>{{ end }}</ul>" +
        "<p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a> or <a href=\"https://x.org/?a=1&amp;b={{ nonprofit.email | html.url_encode }}\">see {{ \"this\" | string.upcase }}</a></p>";

    private IBrowserContext? _context;
    private IPage _page = default!;

    public async ValueTask InitializeAsync()
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        _context = await browser.NewContextAsync(app.BaseUrl);
        _page = await _context.NewPageAsync();
        await _page.GotoAsync("Account/Login");
        await _page.EvaluateAsync("""
            async () => {
                const module = await import('/lib/email-editor/email-editor.js');
                window.calls = [];
                window.answers = {};
                const dotnet = { invokeMethodAsync: (name, ...args) => { window.calls.push({ name, args }); return Promise.resolve(window.answers[name] ?? null); } };
                window.start = (value, mode) => {
                    document.body.innerHTML = '<div id="visual"></div><div id="html"></div>';
                    window.editor = module.create(document.getElementById('visual'), document.getElementById('html'), dotnet,
                        { value, mode, label: 'Body', dark: false, disabled: false });
                    return window.editor.currentMode();
                };
            }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_body_with_template_blocks_and_variables_in_attributes_goes_through_the_visual_editor_and_back_losslessly()
    {
        Assert.Equal("html", await _page.EvaluateAsync<string>("body => start(body, 'html')", TemplatedBody));
        Assert.Empty(await _page.EvaluateAsync<string[]>("() => editor.check()"));

        Assert.Equal("visual", await _page.EvaluateAsync<string>("() => editor.setMode('visual')"));
        // An edit makes the visual editor write the whole body out again from its own document.
        var edited = await _page.EvaluateAsync<string>("""
            () => {
                editor.insert('{{ today }}');
                return editor.flush();
            }
            """);
        Assert.Equal(TemplatedBody, edited.Replace("{{ today }}", "", StringComparison.Ordinal));
        Assert.Equal(1, CountOf(edited, "{{ today }}"));

        Assert.Equal("html", await _page.EvaluateAsync<string>("() => editor.setMode('html')"));
        Assert.Equal(edited, await _page.EvaluateAsync<string>("() => editor.flush()"));
        Assert.Equal("visual", await _page.EvaluateAsync<string>("() => editor.setMode('visual')"));
        Assert.Equal(edited, await _page.EvaluateAsync<string>("() => editor.flush()"));
    }

    [Fact]
    public async Task Html_the_visual_editor_cannot_keep_is_named_before_switching_and_a_new_body_opens_in_the_mode_that_keeps_it()
    {
        const string body = "<table><tr><td>Grant</td></tr></table><p style=\"color: red\">Due soon</p><!-- internal note -->";

        Assert.Equal("html", await _page.EvaluateAsync<string>("body => start(body, 'auto')", body));
        var losses = await _page.EvaluateAsync<string[]>("() => editor.check()");

        Assert.Contains("the <table> element", losses);
        Assert.Contains("the style “color: red” on <p>", losses);
        Assert.Contains("1 HTML comment", losses);
        Assert.Equal("visual", await _page.EvaluateAsync<string>("body => start(body, 'auto')", "<p>Plain <em>enough</em></p>"));
    }

    [Fact]
    public async Task Text_pasted_from_word_keeps_its_lists_and_formatting_and_loses_words_markup()
    {
        const string word = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
            <p class=MsoNormal><b><span style='font-size:12.0pt;mso-bidi-font-size:11.0pt'>Grant news</span></b><o:p></o:p></p>
            <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>First point<o:p></o:p></p>
            <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Second point<o:p></o:p></p>
            </body></html>
            """;
        await _page.EvaluateAsync<string>("() => start('', 'visual')");

        var pasted = await _page.EvaluateAsync<string>("""
            html => {
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', 'Grant news');
                document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                return editor.flush();
            }
            """, word);

        Assert.Equal("<p><strong>Grant news</strong></p><ul><li>First point</li><li>Second point</li></ul>", pasted);
    }

    [Fact]
    public async Task Each_edit_reaches_dotnet_after_a_pause_in_typing_as_one_change()
    {
        await _page.EvaluateAsync<string>("() => start('', 'visual')");

        await _page.Locator(".ProseMirror").ClickAsync();
        // Two edits in one task, so no timer can fire between them however loaded the machine is
        // (keystrokes typed one by one were once further apart than the pause on a busy CI run).
        await _page.EvaluateAsync("() => { document.execCommand('insertText', false, 'Hel'); document.execCommand('insertText', false, 'lo'); }");

        var changes = await Eventually.GetAsync(async () =>
        {
            var sent = await _page.EvaluateAsync<string[]>("() => calls.filter(c => c.name === 'ChangedAsync').map(c => c.args[0])");
            return sent.Length > 0 ? sent : null;
        }, "a change sent to .NET");
        Assert.Equal("<p>Hello</p>", Assert.Single(changes));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
