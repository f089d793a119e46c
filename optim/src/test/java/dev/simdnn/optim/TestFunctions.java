package dev.simdnn.optim;

/** 2-D optimisation test functions with analytic gradients and known minima (reference notes §3.2). */
enum TestFunctions {
    BOWL(0, 0) {
        double value(double x, double y) { return x * x + y * y; }
        double[] gradient(double x, double y) { return new double[] {2 * x, 2 * y}; }
    },
    ELONGATED_BOWL(0, 0) {
        double value(double x, double y) { return x * x + 4 * y * y; }
        double[] gradient(double x, double y) { return new double[] {2 * x, 8 * y}; }
    },
    ROSENBROCK(1, 1) {
        double value(double x, double y) { return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x); }
        double[] gradient(double x, double y) {
            return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
        }
    },
    BOOTH(1, 3) {
        double value(double x, double y) { return Math.pow(x + 2 * y - 7, 2) + Math.pow(2 * x + y - 5, 2); }
        double[] gradient(double x, double y) {
            double a = x + 2 * y - 7, b = 2 * x + y - 5;
            return new double[] {2 * a + 4 * b, 4 * a + 2 * b};
        }
    },
    BEALE(3, 0.5) {
        double value(double x, double y) {
            return Math.pow(1.5 - x + x * y, 2) + Math.pow(2.25 - x + x * y * y, 2) + Math.pow(2.625 - x + x * y * y * y, 2);
        }
        double[] gradient(double x, double y) {
            double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
            return new double[] {2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                2 * a * x + 4 * b * x * y + 6 * c * x * y * y};
        }
    };

    final double minX, minY;

    TestFunctions(double minX, double minY) {
        this.minX = minX;
        this.minY = minY;
    }

    abstract double value(double x, double y);

    abstract double[] gradient(double x, double y);
}
