using DtcNotify.Remediation;

namespace DtcNotify.Tests.Remediation;

/// <summary>Median and p90 (nearest rank) of the days from warning to resolution, worked out by hand.</summary>
public class OutcomeFiguresTests
{
    [Fact]
    public void Median_of_an_odd_and_an_even_count_and_none()
    {
        Assert.Equal(3.0, OutcomeStatistics.Median([1, 3, 9]));
        Assert.Equal(2.5, OutcomeStatistics.Median([1, 2, 3, 10])); // (2 + 3) / 2
        Assert.Null(OutcomeStatistics.Median([]));
    }

    [Fact]
    public void P90_is_the_nearest_rank()
    {
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(9.0, OutcomeStatistics.Percentile(ten, 0.9)); // rank ceil(0.9 × 10) = 9
        Assert.Equal(4.0, OutcomeStatistics.Percentile([1, 2, 3, 4], 0.9)); // rank ceil(3.6) = 4
        Assert.Equal(1.3, OutcomeStatistics.Percentile([1.26], 0.9)); // one decimal
        Assert.Null(OutcomeStatistics.Percentile([], 0.9));
    }
}
