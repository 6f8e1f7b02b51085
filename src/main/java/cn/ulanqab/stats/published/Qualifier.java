package cn.ulanqab.stats.published;

/**
 * The qualifier word of a printed figure.
 * <ul>
 *   <li>{@link #EXACT}: no qualifier ({@code 8685人}, {@code 1.38万户})</li>
 *   <li>{@link #AT_LEAST}: 以上, 不少于</li>
 *   <li>{@link #MORE_THAN}: 超, 超过, 逾, 破, 余, 多 (千余, 百余, 20多)</li>
 *   <li>{@link #NEARLY}: 近</li>
 *   <li>{@link #ABOUT}: 约, 左右</li>
 *   <li>{@link #UP_TO}: 以下, 以内</li>
 * </ul>
 */
public enum Qualifier { EXACT, AT_LEAST, MORE_THAN, NEARLY, ABOUT, UP_TO }
