package cn.ulanqab.stats.catalog;

public enum ValueType { INTEGER, DECIMAL }
