using System.Globalization;

namespace AisMonitor.Core.Alerts;

/// <summary>
/// The severity of the behaviours scored by adding up factors (encounters, identity changes,
/// loitering): high from 4, medium from 2, low below; and the reason in words.
/// </summary>
public static class FactorScore
{
    /// <summary>The severity of <paramref name="score"/>.</summary>
    public static Severity Severity(int score) => score >= 4 ? Alerts.Severity.High : score >= 2 ? Alerts.Severity.Medium : Alerts.Severity.Low;

    /// <summary>"WatchListedVessel, DarkEncounter: score 4 (high from 4)", from the rules after the first (the behaviour itself) that fired; <paramref name="whenNone"/> when none did.</summary>
    public static string Reason(IEnumerable<RuleResult> rules, int score, string whenNone)
    {
        var factors = rules.Skip(1).Where(r => r.Fired).Select(r => r.Name).ToList();
        var severity = Severity(score);
        return factors.Count == 0
            ? whenNone
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", factors)}: score {score} ({(severity == Alerts.Severity.High ? "high from 4" : severity == Alerts.Severity.Medium ? "medium from 2" : "low")})");
    }
}
