package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.published.PrintedFigure;

/**
 * One row of {@code input/targets/<year>.csv}: what the report's plan part sets an indicator for a region to reach in
 * the year. {@code growth} when the text is a growth ({@code 增长6%左右}): then {@code figure} is the printed growth in
 * percent ({@code 6%左右}), else the level in its printed unit ({@code 5500人以上}).
 *
 * @param line the target's line in its file, for messages
 */
public record Target(String indicatorCode, String regionCode, String targetText, String section, String quote,
                     PrintedFigure figure, boolean growth, long line) {
}
