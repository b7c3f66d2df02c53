<?php
/* Installs the tests' WordPress and makes its users, each with an
 * application password, and prints them as shell assignments:
 *   php setup-wordpress.php DOCROOT */
if ($argc < 2) {
    fwrite(STDERR, "usage: setup-wordpress.php DOCROOT\n");
    exit(2);
}
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = getenv('LEDE_WP_HOST');
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

$login = 'Lede-Test-Login-Password-1';
$result = wp_install('The Tests\' Gazette', 'chief', 'chief@example.com', false, '', $login);
if (is_wp_error($result)) {
    fwrite(STDERR, $result->get_error_message() . "\n");
    exit(1);
}

$users = array(
    'ADMIN' => array('chief', 'administrator'),
    'EDITOR' => array('desk', 'editor'),
    'AUTHOR' => array('reporter', 'author'),
    'CONTRIBUTOR' => array('stringer', 'contributor'),
);
foreach ($users as $key => $user) {
    list($name, $role) = $user;
    $id = username_exists($name);
    if (!$id) {
        $id = wp_insert_user(array('user_login' => $name, 'user_pass' => $login,
                                   'user_email' => $name . '@example.com', 'role' => $role));
        if (is_wp_error($id)) {
            fwrite(STDERR, $id->get_error_message() . "\n");
            exit(1);
        }
    }
    $made = WP_Application_Passwords::create_new_application_password($id, array('name' => 'Lede tests'));
    if (is_wp_error($made)) {
        fwrite(STDERR, $made->get_error_message() . "\n");
        exit(1);
    }
    printf("LEDE_WP_%s_USER=%s\n", $key, escapeshellarg($name));
    printf("LEDE_WP_%s_PASSWORD=%s\n", $key, escapeshellarg($made[0]));
}
printf("LEDE_WP_LOGIN_PASSWORD=%s\n", escapeshellarg($login));
