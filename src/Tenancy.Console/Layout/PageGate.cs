using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Tenancy.WebConsole.Session;
using Tenancy.WebConsole.Shared;

namespace Tenancy.WebConsole.Layout;

/// <summary>
/// Stands between the router and a page: renders the page when the caller's role may use it
/// (<see cref="PageAccess"/>), otherwise <see cref="NotForYourRole"/>; the page itself never starts, so it asks the
/// API nothing. Decided again when the caller changes (a restored key is confirmed after the first render).
/// </summary>
public sealed class PageGate : ComponentBase, IDisposable
{
    [Inject] private ConsoleSession Session { get; set; } = null!;

    [Parameter, EditorRequired] public Type PageType { get; set; } = null!;

    [Parameter] public IReadOnlyDictionary<string, object?> RouteValues { get; set; } = new Dictionary<string, object?>();

    /// <summary>The router's answer, with this gate in place of the page it found.</summary>
    public static RouteData For(RouteData found) => new(typeof(PageGate), new Dictionary<string, object?>
    {
        [nameof(PageType)] = found.PageType,
        [nameof(RouteValues)] = found.RouteValues,
    });

    protected override void OnInitialized() => Session.Changed += OnSessionChanged;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!PageAccess.Allows(PageType, Session.Permissions))
        {
            builder.OpenComponent<NotForYourRole>(0);
            builder.CloseComponent();
            return;
        }
        builder.OpenComponent(1, PageType);
        foreach (var (name, value) in RouteValues) builder.AddComponentParameter(2, name, value);
        builder.CloseComponent();
    }

    private void OnSessionChanged() => InvokeAsync(StateHasChanged);

    public void Dispose() => Session.Changed -= OnSessionChanged;
}
