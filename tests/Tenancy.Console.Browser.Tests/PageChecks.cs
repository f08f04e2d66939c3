using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tenancy.Console.Browser.Tests;

/// <summary>What every page visit in these tests does: wait for the page, check it with axe-core, keep a screenshot.</summary>
public static class PageChecks
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Waits until the page's heading says <paramref name="heading"/> (Blazor has rendered it).</summary>
    public static Task HeadingAsync(this IPage page, string heading) =>
        Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);

    /// <summary>No axe-core violation of WCAG 2.1 A/AA on the page as it is now; a screenshot is saved either way.</summary>
    public static async Task AuditAsync(this IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe(Wcag21AA);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"axe-core on {name}:\n" + string.Join("\n", violations));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus: keyboard only, no clicks.</summary>
    public static async Task TabToAsync(this IPage page, string selector, int max = 60)
    {
        for (var i = 0; i < max; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    /// <summary>Whether the focused element shows a focus ring (an outline that is drawn).</summary>
    public static Task<bool> FocusVisibleAsync(this IPage page) => page.EvaluateAsync<bool>(
        "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
}
