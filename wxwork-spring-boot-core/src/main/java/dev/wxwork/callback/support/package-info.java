/**
 * What the app callback ({@code dev.wxwork.callback}) and the bot callback ({@code dev.wxwork.bot})
 * endpoints share: serving a signed WeCom callback over HTTP, its answer, and the binding of handler
 * methods. It sits below both features and imports neither.
 */
package dev.wxwork.callback.support;
