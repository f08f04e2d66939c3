using Tenancy.Core.Signatures;

namespace Tenancy.WebConsole.Signing;

/// <summary>
/// The question "Confirm your signature key" for one sensitive request: the signing handler asks and waits, the
/// dialog (<c>SignatureDialog</c>) shows <see cref="Pending"/> and answers. One question at a time.
/// </summary>
public sealed class SignatureConfirmation
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private TaskCompletionSource<bool>? _answer;

    /// <summary>The operation waiting for the agent's answer, if any.</summary>
    public SensitiveOperation? Pending { get; private set; }

    public event Action? Changed;

    public async Task<bool> ConfirmAsync(SensitiveOperation operation, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            _answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Pending = operation;
            Changed?.Invoke();
            using var cancel = cancellationToken.Register(() => _answer.TrySetResult(false));
            return await _answer.Task;
        }
        finally
        {
            Pending = null;
            _answer = null;
            Changed?.Invoke();
            _one.Release();
        }
    }

    public void Answer(bool confirmed) => _answer?.TrySetResult(confirmed);
}
