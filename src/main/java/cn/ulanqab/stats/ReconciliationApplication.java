package cn.ulanqab.stats;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReconciliationApplication {
    public static void main(String[] args) {
    }
}
