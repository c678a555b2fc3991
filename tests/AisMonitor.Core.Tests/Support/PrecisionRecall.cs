using AisMonitor.Core.Alerts;
using Xunit.Abstractions;

namespace AisMonitor.Core.Tests.Support;

/// <summary>Precision and recall of one behaviour over generated scenarios: each scenario adds the alerts raised and what was true in it.</summary>
public sealed class PrecisionRecall(ITestOutputHelper output)
{
    private int _alerts, _right, _truths, _found;

    /// <summary>
    /// Adds one scenario: <paramref name="raised"/> alerts, each about <paramref name="key"/>, against the <paramref name="truth"/>;
    /// writes a line for it, one per false alert (<paramref name="describe"/>d) and one per truth missed.
    /// </summary>
    public void Add<TKey>(string scenario, IReadOnlyList<Alert> raised, Func<Alert, TKey> key, IReadOnlyCollection<TKey> truth, Func<Alert, string> describe)
    {
        var keys = raised.Select(key).ToList();
        var right = keys.Count(truth.Contains);
        var found = truth.Count(keys.Contains);
        output.WriteLine($"{scenario}: {truth.Count} true, {raised.Count} alerts, {right} right, {found} found");
        foreach (var wrong in raised.Where(a => !truth.Contains(key(a))))
        {
            output.WriteLine($"  false: {describe(wrong)}");
        }

        foreach (var missed in truth.Where(t => !keys.Contains(t)))
        {
            output.WriteLine($"  missed: {missed}");
        }

        (_alerts, _right, _truths, _found) = (_alerts + raised.Count, _right + right, _truths + truth.Count, _found + found);
    }

    /// <summary>Writes the totals and asserts precision and recall of at least <paramref name="bar"/>.</summary>
    public void AssertAtLeast(double bar)
    {
        var precision = _right / (double)_alerts;
        var recall = _found / (double)_truths;
        output.WriteLine($"all: precision {precision:0.000} ({_right} of {_alerts}), recall {recall:0.000} ({_found} of {_truths})");
        Assert.True(precision >= bar, $"precision {precision:0.000}");
        Assert.True(recall >= bar, $"recall {recall:0.000}");
    }
}
