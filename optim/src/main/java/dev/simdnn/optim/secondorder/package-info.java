/**
 * Second-order and curvature methods on {@code double[]} functions (textbook §3.5.6, F45–F50; lectures B11–B12):
 * line searches (Armijo, strong Wolfe), Newton and damped Newton with an explicit Hessian, linear and nonlinear
 * conjugate gradients, Hessian-free optimisation, BFGS and L-BFGS, curvature diagnostics, analytic test functions
 * and a model's full-batch loss as a function of its parameters. Every method has an iteration and an evaluation
 * budget and returns a {@link dev.simdnn.optim.secondorder.Result} that says why it stopped.
 */
package dev.simdnn.optim.secondorder;
